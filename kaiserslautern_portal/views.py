import logging
import sys
from concurrent.futures import ThreadPoolExecutor, wait

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.core.paginator import InvalidPage, Paginator
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.urls import translate_url
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from rest_framework import exceptions

from .celery import app as celery_app
from .lib.cache import cache_public_page
from .lib.identity.current import site_identity
from .lib.middleware import database_unavailable
from .models import LegalPage
from .search import hits, search

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def check_database() -> None:
    # A connection of its own: one that hangs in a request's hands cannot hold up the probe.
    db = connections.create_connection(DEFAULT_DB_ALIAS)
    try:
        with db.cursor() as cursor:
            cursor.execute("SELECT 1")
    finally:
        db.close()


def check_cache(backend=None) -> None:
    backend = backend or caches["default"]  # readyz passes its own: a probe thread would build a new client
    if hasattr(backend, "ping"):  # ResilientRedisCache would answer from its fallback: ask Redis itself
        backend.ping()
        return
    backend.set("readyz", "ok", 10)
    if backend.get("readyz") != "ok":
        raise RuntimeError("cache did not return the value just written")


def check_broker() -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, interval_start=0.2, timeout=READYZ_TIMEOUT)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}
# Without these the portal still serves every page and loses nothing (pages from the database, mail waits in it).
DEGRADABLE = {"cache", "broker"}
# Load balancers give up on a probe after a few seconds; all checks together answer within this.
READYZ_TIMEOUT = 2.5


@require_GET
@never_cache
def readyz(request):
    """503 when this instance cannot serve (no database); 200 "degraded" when Redis or the broker is down."""
    pool = ThreadPoolExecutor(max_workers=len(CHECKS), thread_name_prefix="readyz")
    backend = caches["default"]
    checks = {**CHECKS, "cache": lambda: CHECKS["cache"](backend)}
    futures = {name: pool.submit(check) for name, check in checks.items()}
    done, _pending = wait(futures.values(), timeout=READYZ_TIMEOUT)
    pool.shutdown(wait=False, cancel_futures=True)  # a hung check ends by its own timeout, unwaited for
    results = {}
    for name, future in futures.items():
        error = future.exception() if future in done else TimeoutError(f"no answer within {READYZ_TIMEOUT} s")
        if error is None:
            results[name] = "ok"
        else:
            logger.warning("readiness check %s failed: %s", name, error)
            results[name] = "degraded" if name in DEGRADABLE else "failed"
    failed = "failed" in results.values()
    status = "failed" if failed else "degraded" if "degraded" in results.values() else "ok"
    return JsonResponse({"status": status, "checks": results}, status=503 if failed else 200)


def page_in_language(url: str, language: str) -> str:
    """The address of the page `url` (German or /en/…) in `language`; unknown pages stay as they are."""
    with translation.override(translation.get_language_from_path(url) or settings.LANGUAGE_CODE):
        return translate_url(url, language)


@require_GET
def switch_language(request, language):
    """Older links to the switch: send the visitor to the page's address in that language and remember it."""
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(page_in_language(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


@require_GET
def without_default_prefix(request, path):
    """/de/… is the German page's second name: one address per page and language, so send it to /…."""
    target = f"/{path}"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        target = "/"
    query = request.META.get("QUERY_STRING")
    return HttpResponsePermanentRedirect(target + (f"?{query}" if query else ""))


@cache_public_page
def legal_page(request, kind):
    page = get_object_or_404(LegalPage, kind=kind)
    return render(request, "legal_page.html", {"page": page})


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /konto/", "Disallow: /en/konto/"]
    lines += [f"Sitemap: {settings.SITE_URL}/sitemap.xml", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def is_api(request) -> bool:
    return request.path.startswith("/api/")


def bad_request(request, exception):
    """handler400: JSON under /api/ (too many form fields, a suspicious request)."""
    if is_api(request):
        return JsonResponse({"detail": exceptions.ParseError.default_detail}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if is_api(request):
        return JsonResponse({"detail": exceptions.PermissionDenied.default_detail}, status=403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    """handler404: JSON under /api/ (addresses outside the API's own catch-all, such as /api/v2/)."""
    if is_api(request):
        return JsonResponse({"detail": exceptions.NotFound.default_detail}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """handler500: JSON under /api/; the page says that people were told only when someone is (ADMINS or Sentry)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)  # a middleware's query; views' are answered by that middleware
    if is_api(request):
        return JsonResponse({"detail": _("Interner Fehler")}, status=500)
    # No request context: the database may be what failed.
    notified = bool(settings.ADMINS or settings.SENTRY_DSN)
    context = {"notified": notified, "identity": site_identity()}  # the identity's copy needs no query
    return HttpResponse(loader.get_template("500.html").render(context), status=500)


class SearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Suchbegriff"), max_length=200, required=False, strip=True)


@cache_public_page(query=("seite", *SearchForm.base_fields))
def search_view(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "search.html", {"form": form}, status=400)
    text = form.cleaned_data["q"]
    if not text:
        return render(request, "search.html", {"form": form})
    try:
        page = Paginator(search(text), 20).page(request.GET.get("seite", 1))
    except InvalidPage:
        raise Http404 from None
    page.object_list = hits(page.object_list, text)
    return render(request, "search.html", {"form": form, "query": text, "page": page})
