"""Settings, read from the environment with safe defaults.

DATABASE_URL      PostgreSQL URL; unset: an embedded server with its data in var/pgdata
DJANGO_DEBUG      "1"/"true" turns debug on (off by default)
DJANGO_SECRET_KEY required when debug is off and the app serves requests
DJANGO_ALLOWED_HOSTS comma-separated host names (default: localhost, 127.0.0.1)
DASHBOARD_ANONYMOUS_READ "1"/"true" lets visitors read the dashboard without logging in (off by default)
DASHBOARD_PAGE_CACHE "0"/"false": actor pages and searches worked out on every request instead of once per
                  data version and URL (on by default; the benchmarks turn it off to time that work)
DJANGO_HTTPS      served over TLS: secure cookies, HSTS, redirect to https (default: on when debug is off)
DJANGO_HSTS_SECONDS  HSTS max-age when DJANGO_HTTPS is on (default: one year)
DJANGO_BEHIND_PROXY  trust X-Forwarded-Proto from a TLS-terminating proxy (default: off)
REDIS_URL         redis://host:port/db: the cache every process and machine shares (cached aggregates,
                  page fragments and the data version); unset: a cache local to each process
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ANALYSIS_VAR_DIR", BASE_DIR / "var"))


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")
TESTING = "pytest" in sys.modules

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and (DEBUG or TESTING):
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "csp",
    "simple_history",
    "analysis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "analysis.auth.DashboardLoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "analysis.web.urls"
WSGI_APPLICATION = "analysis.wsgi.application"

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
            ],
        },
    },
]


def database_from_env() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        # A socket directory given as ?host=/path lands in OPTIONS; dbshell reads HOST.
        host = database.get("OPTIONS", {}).pop("host", None)
        if host and not database.get("HOST"):
            database["HOST"] = host
        return database
    return {
        "ENGINE": "analysis.embedded_postgres",
        "NAME": "analysis",
        "USER": "postgres",
        "EMBEDDED_PGDATA": str(VAR_DIR / "pgdata"),
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


DATABASES = {"default": database_from_env()}
if os.environ.get("DJANGO_TEST_DB_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["DJANGO_TEST_DB_NAME"]}

# The cache of data-wide aggregates and page fragments (actor suggestions, outlets, monthly counts, the
# unfiltered timeline); their keys carry `selectors.data_version()`. With REDIS_URL every process and
# machine shares one cache, the data version included (`CACHE_SHARED`); without it each process keeps
# its own and reads the version from the database.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_SHARED = bool(REDIS_URL)
if CACHE_SHARED:
    CACHES = {
        "default": {
            "BACKEND": "analysis.shared_cache.TolerantRedisCache",  # misses while Redis is down
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "analysis",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "analysis"}}

# Security. Scripts only from this origin: no inline script, no eval. Styles allow inline
# attributes because plotly.js writes them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
HTTPS = env_flag("DJANGO_HTTPS", default=not DEBUG and not TESTING)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_flag("DJANGO_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_ENGINE = "analysis.sessions"  # the database, read with a compiled query
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling (django-axes, analysis.lockout): 5 failures for a username or from an address lock
# it out for 15 minutes; attempts and lockouts are listed in the admin. Its middleware goes last.
INSTALLED_APPS.append("axes")
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = [
    "analysis.lockout.LoginThrottleBackend",
    "analysis.auth.CachedPermissionsBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "analysis.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "analysis.lockout.client_address"

# The dashboard asks for a login (analysis.auth); DASHBOARD_ANONYMOUS_READ=1 lets anyone read it.
DASHBOARD_ANONYMOUS_READ = env_flag("DASHBOARD_ANONYMOUS_READ")
# An actor's page and a search's hits written once per data version and URL (analysis.web.views); the
# benchmarks (`manage.py bench`) turn it off: they time the pages' own work as the data grows.
DASHBOARD_PAGE_CACHE = env_flag("DASHBOARD_PAGE_CACHE", default=True)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "timeline"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "ar"
# Arabic only: a browser that prefers English must not flip the admin to left-to-right English.
LANGUAGES = [("ar", "العربية")]
TIME_ZONE = "Asia/Baghdad"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "analysis.staticfiles.PlotlyFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "analysis.staticfiles.CompressedStaticFiles"
        if not DEBUG and not TESTING
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
