"""PDF files of programme reports by WeasyPrint, where the system provides its libraries (Pango, see Dockerfile).

Without them the report page offers its print view instead and says why.
"""

import ctypes.util
import importlib.util
from functools import cache

from django.contrib.staticfiles import finders

# What WeasyPrint loads from the system (Debian: libpango-1.0-0, libpangoft2-1.0-0).
SYSTEM_LIBRARIES = ("pango-1.0", "pangoft2-1.0")


@cache
def pdf_available() -> bool:
    """Whether WeasyPrint and Pango are installed; checked without importing WeasyPrint, which takes seconds."""
    return importlib.util.find_spec("weasyprint") is not None and all(map(ctypes.util.find_library, SYSTEM_LIBRARIES))


@cache
def weasyprint():
    """The WeasyPrint module, or None when it or Pango is missing (it raises OSError on import then)."""
    if not pdf_available():
        return None
    try:
        import weasyprint as module
    except (ImportError, OSError):
        return None
    return module


def render_pdf(html: str) -> bytes | None:
    """The PDF of a print view's HTML, or None where WeasyPrint cannot work."""
    module = weasyprint()
    if module is None:
        return None
    stylesheets = [module.CSS(filename=finders.find(name)) for name in ("css/portal.css", "css/reports.css")]
    # No base URL: the PDF's HTML names no resource that WeasyPrint would have to fetch over the network.
    return module.HTML(string=html).write_pdf(stylesheets=stylesheets)
