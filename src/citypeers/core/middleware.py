import logging
import time
import zoneinfo
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME, logout
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext, trans_real

from citypeers.core.languages import offered_variant, own_name
from citypeers.core.second_factor import lacks_required_second_factor


class UserTimeZoneMiddleware:
    """Shows times in the signed-in person's own time zone (stored in UTC regardless)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        zone = getattr(request.user, "time_zone", None) if request.user.is_authenticated else None
        if isinstance(zone, zoneinfo.ZoneInfo):
            timezone.activate(zone)
        else:
            timezone.deactivate()
        return self.get_response(request)


logger = logging.getLogger("citypeers.database")


class DatabaseUnavailableMiddleware:
    """A database connection cut mid-request (PostgreSQL restarted, a connection ended) or a
    SQLite write lock held past the busy timeout answers 503 with Retry-After, not 500: it is
    passing, and sending again is safe (a submission is one transaction). The page is made
    without the database or the request's context."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", request.path, exc_info=exception)
        page = render_to_string(
            "503.html",
            {
                "language": translation.get_language() or settings.LANGUAGE_CODE,
                "site_name": settings.SITE_NAME,
            },
        )
        response = HttpResponse(page, status=503)
        response["Retry-After"] = "5"
        return response


class SignedInPagesNotStoredMiddleware:
    """A page made for a signed-in person is theirs: no browser cache or proxy keeps a copy
    for the next person at a shared computer (ASVS 8.2.1). Views that set their own
    Cache-Control (private files, exports) keep it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


def _browser_language(request) -> str:
    """The first offered language in the browser's Accept-Language, else the default."""
    header = request.headers.get("Accept-Language", "")
    for code, _quality in trans_real.parse_accept_lang_header(header):
        if code != "*" and (offered := offered_variant(code)):
            return offered
    return settings.LANGUAGE_CODE


def _shown_instead_note(shown: str) -> str:
    """The note, in the language shown; one sentence per offered language, for its grammar."""
    # French writes language names in lower case ("affichée en anglais"): a name put into a
    # generic sentence would come out capitalised, so each offered language has its sentence.
    notes = {
        "en": gettext("This page is not available in %(language)s yet; it is shown in English."),
        "fr": gettext("This page is not available in %(language)s yet; it is shown in French."),
    }
    # Other languages name the language shown in itself, as their speakers write it.
    generic = gettext("This page is not available in %(language)s yet; it is shown in %(shown)s.")
    return notes.get(shown) or generic.replace("%(shown)s", own_name(shown) or shown)


class UnofferedLanguageMiddleware:
    """Sends `/de/calls/` to `/en/calls/` (or the browser's offered language), with a note.

    An address whose first segment is a language we do not offer (yet) would otherwise be an
    English 404. A regional variant of an offered language (`/fr-be/`) goes to that language
    without a note; a segment that is no language at all is left to the URLconf (404).
    Sits after the message middleware: the note is a message shown on the page redirected to.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.offered = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        segment, _slash, rest = request.path_info.lstrip("/").partition("/")
        code = segment.lower()
        if code in self.offered or not (name := own_name(code)):
            return self.get_response(request)
        target = offered_variant(code)
        if target is None:
            target = _browser_language(request)
            with translation.override(target):
                messages.info(request, _shown_instead_note(target) % {"language": name})
        query = request.META.get("QUERY_STRING", "")
        location = f"{request.META.get('SCRIPT_NAME', '')}/{target}/{rest}"
        response = HttpResponseRedirect(f"{location}?{query}" if query else location)
        patch_vary_headers(response, ["Accept-Language"])
        return response


# Pages a person without their required second factor may still open: setting one up (and
# confirming their password first), signing out, and switching language.
ENROLMENT_OPEN_VIEWS = {"account_logout", "account_reauthenticate", "set_language", "healthz"}


# "This person has the second factor they need, or needs none", kept in their session as
# [user id, time] so that a signed-in page asks the database nothing for it (the check is a
# query for roles and one for factors). Only that answer is kept, and only this long:
# - a person sent to enrol is checked again at every page, so the factor they add frees them
#   at once, in every browser;
# - the person's own factor changes (allauth's signals) forget the answer in the browser
#   they made them in (`second_factor_answer_forget`), so removing the last one sends them
#   to enrol at the next page;
# - what no signal of this session tells (a coordinator role granted by someone else, a factor
#   removed in another browser or in the admin: sessions are keyed by a secret, so nothing
#   can find the person's other ones) is noticed within these seconds.
SECOND_FACTOR_FINE_KEY = "citypeers_second_factor_fine"
SECOND_FACTOR_FINE_FOR = 5 * 60


def second_factor_answer_forget(sender, request=None, **kwargs) -> None:
    """Connected to allauth's `authenticator_added`, `_removed` and `_reset`: the next page
    asks the database again."""
    if request is not None and hasattr(request, "session"):
        request.session.pop(SECOND_FACTOR_FINE_KEY, None)


def _known_fine(request) -> bool:
    kept = request.session.get(SECOND_FACTOR_FINE_KEY)
    if not (isinstance(kept, list) and len(kept) == 2 and kept[0] == request.user.pk):
        return False  # none (the id: an answer is only ever this person's)
    return 0 <= time.time() - kept[1] < SECOND_FACTOR_FINE_FOR


class SecondFactorEnrolmentMiddleware:
    """Sends staff and coordinators who have no second factor to set one up (ASVS 2.2)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        name = request.resolver_match.url_name or ""
        if name.startswith("mfa_") or name in ENROLMENT_OPEN_VIEWS:
            return None
        if not settings.MFA_REQUIRED_FOR_STAFF or not request.user.is_authenticated:
            return None  # nothing to ask, nor to keep in a visitor's session
        if _known_fine(request):
            return None
        if not lacks_required_second_factor(request.user):
            request.session[SECOND_FACTOR_FINE_KEY] = [request.user.pk, int(time.time())]
            return None
        messages.warning(
            request,
            gettext(
                "Your role gives you access to other people's data, so your account needs a "
                "second factor: set up an authenticator app or a security key to go on."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_index"))


IDLE_SINCE_KEY = "citypeers_last_request_at"
# The time of the last request is written at most this often, not at every request.
IDLE_CLOCK_RESOLUTION = 60


def start_idle_clock(sender, request, user, **kwargs) -> None:
    """Signing in starts the clock (connected to `user_logged_in`): the first page after it
    then writes no session."""
    if request is not None and hasattr(request, "session"):
        request.session[IDLE_SINCE_KEY] = int(time.time())


class IdleSessionTimeoutMiddleware:
    """Signs a person out after SESSION_IDLE_TIMEOUT minutes without a request (ASVS 3.3.2),
    and sends them to the sign-in page, which says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(IDLE_SINCE_KEY)
            if isinstance(last, int) and now - last > settings.SESSION_IDLE_TIMEOUT * 60:
                return self._signed_out(request)
            if not isinstance(last, int) or now - last >= IDLE_CLOCK_RESOLUTION:
                request.session[IDLE_SINCE_KEY] = now
        return self.get_response(request)

    def _signed_out(self, request):
        logout(request)
        messages.info(
            request,
            gettext("You were signed out after %(minutes)d minutes without activity.")
            % {"minutes": settings.SESSION_IDLE_TIMEOUT},
        )
        login = reverse("account_login")
        if request.method == "GET":
            login = f"{login}?{urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})}"
        return HttpResponseRedirect(login)
