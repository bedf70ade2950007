import zoneinfo

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext, trans_real

from citypeers.core.languages import offered_variant, own_name


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
