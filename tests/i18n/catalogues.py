"""What makes a translation catalogue shippable, as one function per check.

Used by the tests in this folder and by translators: `python -m tests.i18n.catalogues de`
prints every problem of the German catalogues, one a line, with the message it concerns.
"""

import re
import sys
import tomllib
from collections import Counter
from functools import cache
from pathlib import Path

import polib
from babel.messages.plurals import get_plural

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "citypeers"
LOCALE = PACKAGE / "locale"
VENDOR_LOCALE = PACKAGE / "locale_vendor"
GLOSSARY = ROOT / "docs" / "glossary"
# CLDR's plural rules per language, through babel; Portuguese is Portugal's.
CLDR_LOCALES = {"pt": "pt_PT"}
# A translator's comment that keeps a message out of one glossary term's check, with a reason:
#   # glossary-exempt: call: "call" is the verb here
EXEMPT = re.compile(r"glossary-exempt:\s*([\w-]+)")
# A message may read the same in both languages ("OK", "Wi-Fi", a name) only with this comment.
SAME_AS_SOURCE = "same-as-source"
PRINTF = re.compile(r"%(?:\([\w]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]|%%")
BRACES = re.compile(r"\{[\w.]*\}")
TAG = re.compile(
    r"</?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>"
)
ATTRIBUTE = re.compile(r"([\w-]+)=")
WORD = re.compile(r"[^\W\d_]{2,}")


def _without_placeholders(text: str) -> str:
    return BRACES.sub(" ", PRINTF.sub(" ", TAG.sub(" ", text)))


def plural_forms(language: str) -> tuple[int, str]:
    plural = get_plural(CLDR_LOCALES.get(language, language))
    return plural.num_plurals, plural.plural_expr


def _placeholders(text: str, entry: polib.POEntry) -> Counter:
    found = Counter()
    if "python-format" in entry.flags:
        found.update(match for match in PRINTF.findall(text) if match != "%%")
    if "python-brace-format" in entry.flags or BRACES.search(entry.msgid):
        found.update(BRACES.findall(text))
    return found


def _tags(text: str) -> Counter:
    return Counter(
        (
            ("/" if match.group(0).startswith("</") else "") + match.group(1).lower(),
            tuple(sorted(ATTRIBUTE.findall(match.group(2)))),
        )
        for match in TAG.finditer(text)
    )


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


@cache
def glossary(language: str) -> dict[str, dict]:
    """The terms of one language's glossary, by key, each with the English term's `match`."""
    english = tomllib.loads((GLOSSARY / "en.toml").read_text())
    path = GLOSSARY / f"{language}.toml"
    local = tomllib.loads(path.read_text()) if path.exists() else {}
    return {key: {**term, **local.get(key, {})} for key, term in english.items()}


def glossary_problems(language: str) -> list[str]:
    """Terms the language's glossary lacks or gives no forms for."""
    path = GLOSSARY / f"{language}.toml"
    if not path.exists():
        return [f"{language}: no glossary at docs/glossary/{language}.toml"]
    local = tomllib.loads(path.read_text())
    english = tomllib.loads((GLOSSARY / "en.toml").read_text())
    problems = [f"{language}: glossary has no term {key!r}" for key in english if key not in local]
    problems += [
        f"{language}: glossary term {key!r} needs a `term` and lower-case `forms`"
        for key, term in local.items()
        if key in english
        and not (
            term.get("term")
            and term.get("forms")
            and all(form == form.lower() for form in term["forms"])
        )
    ]
    problems += [
        f"{language}: glossary has a term English lacks: {key!r}"
        for key in local
        if key not in english
    ]
    return problems


def entry_problems(
    entry: polib.POEntry, language: str, *, nplurals: int, terms: dict[str, dict] | None = None
) -> list[str]:
    """Everything wrong with one translated message; an empty list when it may ship."""
    label = repr(entry.msgid[:70])
    if entry.obsolete:
        return []
    if "fuzzy" in entry.flags:
        return [f"fuzzy: {label}"]
    translations = _translations(entry)
    if entry.msgid_plural and len(translations) != nplurals:
        return [f"{len(translations)} plural forms instead of {nplurals}: {label}"]
    if not all(text.strip() for text in translations):
        return [f"untranslated: {label}"]
    problems = []
    if entry.msgid_plural:
        allowed = _placeholders(entry.msgid, entry) | _placeholders(entry.msgid_plural, entry)
        for text in translations:
            if set(_placeholders(text, entry)) - set(allowed):
                problems.append(f"a placeholder the source lacks: {label}")
        if _placeholders(translations[-1], entry) != _placeholders(entry.msgid_plural, entry):
            problems.append(f"placeholders differ in the last plural form: {label}")
    elif _placeholders(entry.msgstr, entry) != _placeholders(entry.msgid, entry):
        problems.append(f"placeholders differ: {label}")
    for text in translations:
        if _tags(text) != _tags(entry.msgid_plural if entry.msgid_plural else entry.msgid):
            problems.append(f"HTML tags differ: {label}")
            break
    if (
        entry.msgstr == entry.msgid
        and len(WORD.findall(_without_placeholders(entry.msgid))) >= 3
        and SAME_AS_SOURCE not in (entry.tcomment or "")
    ):
        problems.append(f"the same as the English: {label}")
    exempt = set(EXEMPT.findall(entry.tcomment or ""))
    source = _without_placeholders(f"{entry.msgid} {entry.msgid_plural}")
    text = " ".join(translations).lower()
    for key, term in (terms or {}).items():
        if key in exempt or not re.search(term["match"], source, re.IGNORECASE):
            continue
        if not any(form in text for form in term.get("forms", ())):
            problems.append(f"glossary {key!r} ({term.get('term', '?')}) not used: {label}")
    return problems


def catalogue_problems(path: Path, language: str, *, use_glossary: bool = True) -> list[str]:
    """Everything that keeps one catalogue from shipping."""
    catalogue = polib.pofile(str(path))
    nplurals, expression = plural_forms(language)
    problems = []
    header = catalogue.metadata.get("Plural-Forms", "")
    if header.replace(" ", "") != f"nplurals={nplurals};plural={expression};".replace(" ", ""):
        problems.append(f"Plural-Forms should be: nplurals={nplurals}; plural={expression};")
    terms = glossary(language) if use_glossary else None
    for entry in catalogue:
        problems += entry_problems(entry, language, nplurals=nplurals, terms=terms)
    return problems


def main(languages: list[str]) -> int:
    count = 0
    for language in languages:
        problems = glossary_problems(language)
        problems += catalogue_problems(LOCALE / language / "LC_MESSAGES" / "django.po", language)
        vendor = VENDOR_LOCALE / language / "LC_MESSAGES" / "django.po"
        if vendor.exists():
            problems += [
                f"vendor: {problem}"
                for problem in catalogue_problems(vendor, language, use_glossary=False)
            ]
        for problem in problems:
            print(f"{language}: {problem}")
        count += len(problems)
    print(f"{count} problems", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
