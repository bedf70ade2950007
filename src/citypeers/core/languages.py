"""The languages the platform offers, each by its own name, and a page's address in another one.

Whatever `settings.LANGUAGES` offers is read at each call, so adding a language to the list is
all it takes for the picker, the profile and the mails to offer it.
"""

import functools
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils import translation

# Each language by the name its speakers give it, as the EU's own sites write them. Django's
# names lack Maltese and give some as adverbs ("česky": "in Czech") or capitalised in mid-text.
OWN_NAMES = {
    "bg": "български",
    "cs": "čeština",
    "da": "dansk",
    "de": "Deutsch",
    "el": "ελληνικά",
    "en": "English",
    "es": "español",
    "et": "eesti",
    "fi": "suomi",
    "fr": "français",
    "ga": "Gaeilge",
    "hr": "hrvatski",
    "hu": "magyar",
    "it": "italiano",
    "lt": "lietuvių",
    "lv": "latviešu",
    "mt": "Malti",
    "nl": "Nederlands",
    "pl": "polski",
    "pt": "português",
    "ro": "română",
    "sk": "slovenčina",
    "sl": "slovenščina",
    "sv": "svenska",
    "uk": "українська",
}


def own_name(code: str) -> str | None:
    """A language's name in itself (`de`: "Deutsch"), or None for a code that is no language."""
    if code in OWN_NAMES:
        return OWN_NAMES[code]
    try:
        return translation.get_language_info(code)["name_local"]
    except KeyError:
        return None


def offered_languages() -> list[tuple[str, str]]:
    """The offered languages, in the settings' order, each by its own name, capitalised as a
    name standing alone in a list ("Français", "Ελληνικά")."""
    return [(code, _capitalised(own_name(code) or code)) for code, _name in settings.LANGUAGES]


def offered_codes() -> list[str]:
    """The offered languages' codes, in the settings' order."""
    return [code for code, _name in settings.LANGUAGES]


def is_offered(code: str | None) -> bool:
    return bool(code) and code in offered_codes()


def address_in_language(url: str, code: str) -> str:
    """The same page (query string and all) in another offered language.

    Django's `translate_url` resolves the address in the active language, so `/fr/calls/` is
    no page to it while English is active (as it is on the unprefixed `/i18n/setlang/` for a
    browser that says English) and comes back unchanged; the address's own language is made
    active first.
    """
    with translation.override(language_of_address(url)):
        return translate_url(url, code)


def page_in_each_language(url: str, match) -> dict[str, str]:
    """The page at `url` (query string and all) in every offered language, from the page's
    own resolver match. `translate_url` resolves the address again for each language (with 25
    languages, two thirds of a page's time went there); reversing the page's name in each still
    took a third of a kept page's, so the paths are reversed once and kept."""
    parsed = urlsplit(url)
    name = f"{match.namespace}:{match.url_name}" if match and match.namespace else None
    name = name or (match.url_name if match else None)
    paths = {}
    if name:
        key = (
            name,
            tuple(match.args),
            tuple(sorted(match.kwargs.items())),
            tuple(offered_codes()),
            get_script_prefix(),
        )
        try:
            paths = _paths_in_each_language(*key)
        except TypeError:  # an argument that cannot be a key (the sitemaps' dict): reversed
            paths = _paths_in_each_language.__wrapped__(*key)
    links = {}
    for code, _name in settings.LANGUAGES:
        path = paths.get(code)
        links[code] = urlunsplit(("", "", path, parsed.query, "")) if path else url
    return links


# URL patterns never change while the process runs, so the paths are kept without invalidation;
# the bound (some 3.5 kB a page with 25 languages, 14 MB at most) keeps a crawl through every
# practice's page from growing the process without end.
@functools.lru_cache(maxsize=4096)
def _paths_in_each_language(
    name: str,
    args: tuple,
    kwargs: tuple[tuple[str, object], ...],
    codes: tuple[str, ...],
    script_prefix: str,
) -> dict[str, str | None]:
    """A page's path in each of `codes` (None where it has none); shared, so only read. The
    offered codes are in the key so that a language offered later gets its path, and the script
    prefix (which `reverse` reads from the request's thread) so that another gets its own."""
    paths = {}
    for code in codes:
        with translation.override(code):
            try:
                paths[code] = reverse(name, args=args, kwargs=dict(kwargs))
            except NoReverseMatch:
                paths[code] = None
    return paths


def language_of_address(url: str) -> str:
    """The offered language an address's prefix names (`/fr/calls/?page=2`: fr), else the
    active one."""
    return translation.get_language_from_path(urlsplit(url).path) or translation.get_language()


def offered_variant(code: str | None) -> str | None:
    """The offered language a code asks for (`fr-be`: fr), or None if none is offered."""
    try:
        return translation.get_supported_language_variant(code) if code else None
    except LookupError:
        return None


def remember_language(response, code: str) -> None:
    """Sets the language cookie as Django's `set_language` does: the root address and the
    pages without a language prefix then open in this language."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
