"""Request bodies of the API (DRF's DEFAULT_PARSER_CLASSES): bounded, so that no body can cost more than a 400.

(DRF's multipart parser is Django's, which DATA_UPLOAD_MAX_MEMORY_SIZE bounds already.)
"""

import io

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, parsers

# The API's bodies are a few fields ({"type": "project", "slug": "…"}); these bounds leave a hundred times that.
MAX_BODY_BYTES = 64 * 1024
MAX_JSON_DEPTH = 20


def depth(value) -> int:
    """How deeply lists and objects nest in a parsed JSON value, counted without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        value, level = stack.pop()
        children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else None
        if children is not None:
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in children)
    return deepest


def read_bounded(stream) -> bytes:
    body = stream.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        message = _("Die Anfrage ist zu groß (höchstens %(bytes)d Bytes).") % {"bytes": MAX_BODY_BYTES}
        raise exceptions.ParseError(message)
    return body


class BoundedFormParser(parsers.FormParser):
    """DRF's form parser, refusing bodies over MAX_BODY_BYTES (DRF's reads any size into memory)."""

    def parse(self, stream, media_type=None, parser_context=None):
        return super().parse(io.BytesIO(read_bounded(stream)), media_type, parser_context)


class BoundedJSONParser(parsers.JSONParser):
    """DRF's JSON parser, refusing bodies over MAX_BODY_BYTES or nested deeper than MAX_JSON_DEPTH with a 400
    (unbounded, deep nesting exhausted Python's recursion limit: a 500)."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = read_bounded(stream)
        too_deep = _("Die Daten sind zu tief verschachtelt (höchstens %(depth)d Ebenen).") % {"depth": MAX_JSON_DEPTH}
        try:
            data = super().parse(io.BytesIO(body), media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError(too_deep) from None
        if depth(data) > MAX_JSON_DEPTH:
            raise exceptions.ParseError(too_deep)
        return data
