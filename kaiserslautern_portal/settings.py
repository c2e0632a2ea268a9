"""Settings of the portal: one module, the environment in, safe local defaults out.

With no environment at all the portal runs for local development (DEBUG, SQLite,
eager Celery, console email, local-memory cache). Production is switched on by
the variables documented in the README; with DJANGO_DEBUG=0 it refuses to start
without a real secret key and allowed hosts.
"""

import os
import re
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    value = os.environ.get(name, default)
    if value not in ("0", "1", "True", "False", "true", "false"):
        raise ImproperlyConfigured(f"{name} must be 0/1 or True/False, not {value!r}")
    return value in ("1", "True", "true")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def envsecret(name: str, default: str = "") -> str:
    """Read NAME, or the file named by NAME_FILE (Docker and Kubernetes secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return os.environ.get(name, default)


DEV_SECRET_KEY = "django-insecure-local-development-only-never-use-this-key-in-production"  # noqa: S105

DEBUG = envbool("DJANGO_DEBUG", "1")
SECRET_KEY = envsecret("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]

if DEBUG:
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
else:
    if SECRET_KEY == DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when DJANGO_DEBUG=0."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name the portal's host names when DJANGO_DEBUG=0.")

# Reverse proxies in front of the portal whose X-Forwarded-For is trusted (API throttles, allauth's limits).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0" if DEBUG else "1")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "csp",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "rest_framework.authtoken",
    "kaiserslautern_portal",
    # The site identity (city, programme, operator, sender, colours): data editors change in the admin.
    "kaiserslautern_portal.lib.identity",
    "projects",
    "news",
    "citizens",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous cache hits are answered here, before sessions, CSRF and authentication (lib/cache.py).
    "kaiserslautern_portal.lib.cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kaiserslautern_portal.lib.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "citizens.middleware.StaffMFAMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Innermost, so it sees the database errors of views and templates first.
    "kaiserslautern_portal.lib.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "kaiserslautern_portal.urls"
WSGI_APPLICATION = "kaiserslautern_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kaiserslautern_portal.context_processors.portal",
                "kaiserslautern_portal.lib.identity.context_processors.identity",
            ],
            # The ground's {% slot %} tag (lib/slots.py): lower apps' pages offer places that higher apps fill.
            "libraries": {"slots": "kaiserslautern_portal.lib.slots"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A hung or unreachable database answers 503 after seconds instead of holding a worker for 30 s. The statement
    # timeout is off while debugging: creating and dropping test databases waits for a checkpoint, often longer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=envint("DATABASE_CONNECT_TIMEOUT", "3"),
        options=f"-c statement_timeout={envint('DATABASE_STATEMENT_TIMEOUT_MS', '0' if DEBUG else '5000')}",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "citizens.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Redis down: pages come from the database, rate limits count per process (lib/cache_backend.py).
    CACHES = {
        "default": {
            "BACKEND": "kaiserslautern_portal.lib.cache_backend.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1,
                "RETRY_SECONDS": envint("CACHE_RETRY_SECONDS", "5"),
                "NO_FALLBACK_PREFIXES": ["portal:"],
                # Edits during an outage could not bump the content version: start afresh once Redis is back.
                "FORGET_ON_RECOVERY": ["portal:content-version"],
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole pages for anonymous visitors (kaiserslautern_portal/lib/cache.py); 0 switches the page cache off.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", "300")

# Celery: without a broker, tasks run eagerly in-process and their errors propagate.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL) or "memory://"
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == "memory://"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 3
# A broker that accepts and never answers must not hold a request: kombu waits forever without a socket timeout,
# and retries a publish for the whole connection timeout. One try is enough, the database keeps what is owed.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1, "max_retries": 0}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/Berlin"
# Every periodic task, in one place (times in CELERY_TIMEZONE); a test checks no task is forgotten.
CELERY_BEAT_SCHEDULE = {
    # Mondays from 07:00: editors hear of their projects whose update is overdue. Once per editor and week
    # (ReminderSent); the runs after the first catch up what a broker outage made beat miss.
    "projects-update-reminders": {
        "task": "projects.tasks.send_update_reminders",
        "schedule": crontab(minute="*/15", hour="7-20", day_of_week="mon"),
    },
    "citizens-purge-unconfirmed-subscriptions": {
        "task": "citizens.tasks.purge_unconfirmed_subscriptions",
        "schedule": 3600,
    },
    # News notifications (citizens/notifications.py): the sweep applies and announces what became public
    # (scheduled reports included) and restarts senders.
    "citizens-notifications-sweep": {"task": "citizens.tasks.notifications_sweep", "schedule": 30},
    # Mondays from 08:00: once per subscriber and week (unique delivery); later runs catch up a missed one.
    "citizens-weekly-digest": {
        "task": "citizens.tasks.send_weekly_digest",
        "schedule": crontab(minute="*/15", hour="8-20", day_of_week="mon"),
    },
    "citizens-anonymise-deliveries": {
        "task": "citizens.tasks.anonymise_old_deliveries",
        "schedule": crontab(minute=30, hour=3),
    },
    # Programme reports scheduled for later are frozen and published within a minute of their time (news/services.py).
    "news-publish-due-reports": {"task": "news.tasks.publish_due_reports", "schedule": 60},
}

# Email: Django's own SMTP settings, one variable each; without EMAIL_HOST mails are printed to the console.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_USE_SSL = envbool("EMAIL_USE_SSL", "0")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "0")
EMAIL_PORT = envint("EMAIL_PORT", "465" if EMAIL_USE_SSL else "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD")
EMAIL_TIMEOUT = envint("EMAIL_TIMEOUT", "10")
# Sender of all emails unless the site identity (admin) names its own.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@example.org")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Who hears of server errors by email (Django's mail_admins, production only): "Name <a@b>, c@d".
ADMINS = [(name, address) for name, address in getaddresses([os.environ.get("ADMINS", "")]) if address]
# Error reports to Sentry when a DSN is set; never with personal data (addresses, cookies, bodies).
SENTRY_DSN = envsecret("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
    )
# Replies to news emails go to the item's or project's press contact, else to the identity's press office, else
# to this address, else to the sender.
PRESS_EMAIL = os.environ.get("PRESS_EMAIL", "")

# Accounts: django-allauth, email as the login, verified addresses; allauth's pages live under /konto/.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# URL names, not paths: they resolve to the address in the visitor's language (/en/konto/… in English).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "citizens:account"
ACCOUNT_LOGOUT_REDIRECT_URL = "projects:home"
ACCOUNT_ADAPTER = "citizens.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {"signup": "citizens.forms.SignupForm"}  # as fast for a taken address as for a new one
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per account; a new one replaces it once verified
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell the old address about password and email changes
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth's rate limits (on by default) count per client address: behind N proxies, trust N X-Forwarded-For hops.
ALLAUTH_TRUSTED_PROXY_COUNT = envint("ALLAUTH_TRUSTED_PROXY_COUNT", str(TRUSTED_PROXY_COUNT))
# Failed logins: per client address (10 a minute), and per account from one address (5 in 5 minutes; the key is
# account and address, citizens/adapter.py), so that nobody can lock an editor out from their own address.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# The authenticator app's issuer name comes from the site identity (citizens/adapter.py).
MFA_ADAPTER = "citizens.adapter.MFAAdapter"
# Emails anyone can make the portal send (subscription confirmation, sign-up, password reset; citizens/services.py):
# at most this many a day to one address, and an hour to all addresses together.
MAIL_CAP_PER_ADDRESS = envint("MAIL_CAP_PER_ADDRESS", "5")
MAIL_CAP_PER_HOUR = envint("MAIL_CAP_PER_HOUR", "300")
# Staff without an authenticator app are sent to set one up before they may use the admin.
PORTAL_STAFF_REQUIRE_MFA = envbool("PORTAL_STAFF_REQUIRE_MFA", "0")
# Parallel sender tasks per fan-out, and how long a claimed delivery may stay unfinished before another
# worker takes it over (a worker that died mid-batch).
NOTIFICATION_SENDERS = envint("NOTIFICATION_SENDERS", "2")
NOTIFICATION_CLAIM_TIMEOUT = envint("NOTIFICATION_CLAIM_TIMEOUT", "300")

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("Deutsch")), ("en", _("Englisch"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["kaiserslautern_portal.formats"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
MODELTRANSLATION_DEFAULT_LANGUAGE = "de"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("de",)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed names in production; plain files while developing and testing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security. Production sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not DEBUG
# Health probes of the container and load balancer speak plain HTTP inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
}

# Open data API under /api/v1/ (kaiserslautern_portal/api.py): public, read-only, throttled per client address.
API_THROTTLE_ANON = os.environ.get("API_THROTTLE_ANON", "120/min")
if not re.fullmatch(r"[1-9][0-9]*/(s|sec|m|min|h|hour|d|day)", API_THROTTLE_ANON):
    raise ImproperlyConfigured(f"API_THROTTLE_ANON must look like 120/min, not {API_THROTTLE_ANON!r}")
# The personal endpoints (/api/v1/me/...) count per account instead.
API_THROTTLE_USER = os.environ.get("API_THROTTLE_USER", "60/min")
if not re.fullmatch(r"[1-9][0-9]*/(s|sec|m|min|h|hour|d|day)", API_THROTTLE_USER):
    raise ImproperlyConfigured(f"API_THROTTLE_USER must look like 60/min, not {API_THROTTLE_USER!r}")
# Wrong API tokens per client address before it is refused for a while (kaiserslautern_portal/lib/authentication.py).
API_TOKEN_FAILURES = os.environ.get("API_TOKEN_FAILURES", "10/hour")
if not re.fullmatch(r"[1-9][0-9]*/(s|sec|m|min|h|hour|d|day)", API_TOKEN_FAILURES):
    raise ImproperlyConfigured(f"API_TOKEN_FAILURES must look like 10/hour, not {API_TOKEN_FAILURES!r}")
REST_FRAMEWORK = {
    # The portal's own doors only: allauth's session and personal API tokens; never HTTP Basic (DRF's default),
    # which would let anyone guess passwords past allauth's rate limits, email verification and second factor.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "kaiserslautern_portal.lib.authentication.ThrottledTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Bodies are bounded in size, JSON also in nesting: a 400, never a 500.
    "DEFAULT_PARSER_CLASSES": [
        "kaiserslautern_portal.lib.parsers.BoundedJSONParser",
        "kaiserslautern_portal.lib.parsers.BoundedFormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": API_THROTTLE_ANON,
        "user": API_THROTTLE_USER,
        "token_failures": API_TOKEN_FAILURES,
    },
    # Proxies in front of the portal whose X-Forwarded-For is trusted; without one every client is REMOTE_ADDR.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
DATA_LICENCE = {
    "name": "Datenlizenz Deutschland – Namensnennung – 2.0",
    "url": "https://www.govdata.de/dl-de/by-2-0",
}
SPECTACULAR_SETTINGS = {
    # The API's title names the site identity (kaiserslautern_portal/api.py); this one is the fallback.
    "TITLE": _("Offene Daten des Digitalisierungsprogramms"),
    "DESCRIPTION": _(
        "Handlungsfelder, Projekte, Meilensteine, Fortschrittsverlauf, Terminänderungen, Wirkungsindikatoren und "
        "Meldungen des Digitalisierungsprogramms, nur lesend und ohne Anmeldung. Die Daten stehen unter der "
        "Datenlizenz Deutschland – Namensnennung – 2.0. Unter /api/v1/me/ verwalten angemeldete Bürgerinnen und "
        "Bürger ihre Abonnements (Sitzung oder persönlicher API-Schlüssel aus dem Konto)."
    ),
    "VERSION": "1",
    "LICENSE": DATA_LICENCE,
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # Swagger UI from our own static files (drf-spectacular-sidecar): the CSP allows no third-party host.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    # News and date changes both have a `kind`; the schema names their choices apart.
    "ENUM_NAME_OVERRIDES": {
        "NewsKindEnum": "news.models.NewsItem.Kind",
        "DateChangeKindEnum": "projects.models.DateChange.Kind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "kaiserslautern_portal.lib.rest.document_error_responses",
    ],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
