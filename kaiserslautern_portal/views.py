import logging

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
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
from .models import LegalPage
from .search import hits, search

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    cache.set("readyz", "ok", 10)
    if cache.get("readyz") != "ok":
        raise RuntimeError("cache did not return the value just written")


def check_broker() -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


@require_GET
@never_cache
def readyz(request):
    results, failed = {}, []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # Any failure of a dependency means "not ready", never a crash.
            logger.warning("readiness check %s failed: %s", name, exc)
            results[name] = "failed"
            failed.append(name)
        else:
            results[name] = "ok"
    body = {"status": "failed" if failed else "ok", "checks": results}
    return JsonResponse(body, status=503 if failed else 200)


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
    if is_api(request):
        return JsonResponse({"detail": _("Interner Fehler")}, status=500)
    # No request context: the database may be what failed.
    notified = bool(settings.ADMINS or settings.SENTRY_DSN)
    return HttpResponse(loader.get_template("500.html").render({"notified": notified}), status=500)


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
