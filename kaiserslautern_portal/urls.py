from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from kaiserslautern_portal.sitemaps import SITEMAPS

from . import views
from .lib.cache import cache_public_page
from .lib.identity.views import stylesheet as identity_stylesheet
from .models import LegalPage

languages = "|".join(code for code, _name in settings.LANGUAGES)
legal_kinds = "|".join(LegalPage.Kind.values)

# Staff log in through allauth, so email verification and two-factor authentication apply to the admin too.
admin.site.login = secure_admin_login(admin.site.login)

handler400 = views.bad_request
handler403 = views.permission_denied
handler404 = views.page_not_found
handler500 = views.server_error

# Machine addresses keep one URL for both languages: the API negotiates by Accept-Language
# (kaiserslautern_portal.lib.middleware), the admin follows the editor's cookie or browser.
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    re_path(rf"^sprache/(?P<language>{languages})/$", views.switch_language, name="switch_language"),
    re_path(rf"^{settings.LANGUAGE_CODE}/(?P<path>.*)$", views.without_default_prefix),
    path("admin/", admin.site.urls),
    path("api/v1/", include("kaiserslautern_portal.api", namespace="api")),
    path("sitemap.xml", cache_public_page(sitemap, query=("p",)), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("identity.css", identity_stylesheet, name="identity_css"),
]
# Pages for people: German at /…, English at /en/…, so each language has its own address to link and index.
urlpatterns += i18n_patterns(
    re_path(rf"^(?P<kind>{legal_kinds})/$", views.legal_page, name="legal_page"),
    path("suche/", views.search_view, name="search"),
    path("", include("citizens.urls")),
    path("konto/", include("allauth.urls")),
    path("", include("projects.urls")),
    path("", include("news.urls")),
    prefix_default_language=False,
)
# Editors' uploads while developing (`make run`); in production the proxy serves MEDIA_ROOT (deploy/Caddyfile).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
