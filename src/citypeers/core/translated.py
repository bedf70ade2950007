"""Content in several languages: one JSON object per text, `{"en": "…", "fr": "…"}`.

A model declares `name = TranslatedField(_("name"))`; reading `format.name` gives the text
in the active language, else English, else any language it has, as a `TranslatedText`: a `str`
(templates, markdown and sorting use it as one) that also knows every translation and which
language it shows, so a page can mark a fallback. Assigning a string writes the active
language; assigning a dict, or a `TranslatedText`, writes every language.

One JSON column per text scales to 25 languages without a migration per language (the
column-per-language storage of django-modeltranslation needed 25 columns per text) and, unlike
django-i18nfield's JSON-in-text column, keeps Django's JSON lookups (`title__en`) on SQLite and
PostgreSQL. Fields whose translations are lists (a question's choices) use `text=False`.
"""

from django.conf import settings
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils.translation import get_language

from citypeers.core.languages import offered_codes


def fallback_order(language: str | None, original: str | None = None) -> list[str]:
    """The languages to try, in order: the asked one, the default, the one the text was
    written in (a practice's own language), then every offered one."""
    order = [language] if language else []
    order.append(settings.LANGUAGE_CODE)
    if original:
        order.append(original)
    order += offered_codes()
    return list(dict.fromkeys(order))


def pick(
    translations: dict, language: str | None = None, original: str | None = None
) -> tuple[str, object]:
    """The language shown and its value: the asked language, else the fallbacks, else any."""
    translations = translations or {}
    for code in [*fallback_order(language or get_language(), original), *translations]:
        if translations.get(code):
            return code, translations[code]
    return language or get_language() or settings.LANGUAGE_CODE, None


class TranslatedText(str):
    """A text in the reader's language that knows its other languages."""

    translations: dict[str, str]
    language: str  # the language shown
    requested: str  # the language asked for
    original: str | None  # the language the text was written in (a practice's own)

    def __new__(
        cls, translations: dict | None, language: str | None = None, original: str | None = None
    ):
        requested = language or get_language() or settings.LANGUAGE_CODE
        shown, text = pick(translations or {}, requested, original)
        instance = super().__new__(cls, text or "")
        instance.translations = {
            code: value for code, value in (translations or {}).items() if value
        }
        instance.language = shown
        instance.requested = requested
        instance.original = original
        return instance

    @property
    def is_fallback(self) -> bool:
        """True when the text is shown in another language than the one asked for."""
        return bool(self) and self.language != self.requested

    @property
    def languages(self) -> list[str]:
        """The languages the text has, offered ones first in their order."""
        offered = [code for code in offered_codes() if code in self.translations]
        return offered + sorted(set(self.translations) - set(offered))

    def __reduce__(self):  # pickled in caches: keep the translations and the original language
        return (TranslatedText, (self.translations, self.requested, self.original))


class TranslatedList(list):
    """A list (a question's choices) in the reader's language that knows its other languages."""

    def __init__(self, translations: dict | None, language: str | None = None):
        self.language, value = pick(translations or {}, language)
        super().__init__(value or [])
        self.translations = {code: items for code, items in (translations or {}).items() if items}


def as_translations(value, current: dict | None, language: str | None = None) -> dict:
    """What storing `value` makes of the translations `current`."""
    if isinstance(value, TranslatedText | TranslatedList):
        return dict(value.translations)
    if isinstance(value, dict):
        return {code: text for code, text in value.items() if text}
    if value is None:
        return {}
    merged = dict(current or {})
    merged[language or get_language() or settings.LANGUAGE_CODE] = value
    return {code: text for code, text in merged.items() if text}


def original_language(instance) -> str | None:
    """The language a record was first written in, if its model names the field that says so
    (`original_language_field = "language"`): a fallback tries it right after English."""
    field = getattr(type(instance), "original_language_field", None)
    return getattr(instance, field, None) if field else None


class TranslatedAttribute(DeferredAttribute):
    """Reads give the reader's language; writes go through `as_translations`."""

    def __get__(self, instance, cls=None):
        if instance is None:
            return self
        translations = super().__get__(instance, cls)
        if self.field.text:
            return TranslatedText(translations, original=original_language(instance))
        return TranslatedList(translations)

    def __set__(self, instance, value):
        current = instance.__dict__.get(self.field.attname)
        instance.__dict__[self.field.attname] = as_translations(
            value, current if isinstance(current, dict) else None
        )


class TranslatedField(models.JSONField):
    """A text (or, with `text=False`, a list) per language, stored as one JSON object."""

    descriptor_class = TranslatedAttribute
    # The form field (core.translated_forms.TranslatedFormField): forms sit above models, so
    # core's AppConfig.ready() sets it.
    form_class = None

    def __init__(self, *args, text=True, multiline=False, max_length=None, **kwargs):
        self.text = text
        self.multiline = multiline
        self.text_max_length = max_length
        kwargs.setdefault("default", dict)
        super().__init__(*args, **kwargs)

    def empty_value(self):
        return "" if self.text else []

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        path = "citypeers.core.translated.TranslatedField"
        if not self.text:
            kwargs["text"] = False
        if self.multiline:
            kwargs["multiline"] = True
        if self.text_max_length:
            kwargs["max_length"] = self.text_max_length
        if kwargs.get("default") is dict:
            del kwargs["default"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        if not self.text:  # lists (choices) are edited by their own forms; the admin: JSON
            return super().formfield(**kwargs)
        options = {"max_length": self.text_max_length, "multiline": self.multiline}
        return models.Field.formfield(self, form_class=self.form_class, **options, **kwargs)

    def save_form_data(self, instance, data):
        """A form's languages replace those it offers; any other language is kept."""
        setattr(instance, self.name, with_offered(self.translations(instance), data))

    def translations(self, instance) -> dict:
        return dict(instance.__dict__.get(self.attname) or {})

    def value_from_object(self, obj):
        return self.translations(obj)

    def pre_save(self, model_instance, add):
        return self.translations(model_instance)

    def get_prep_value(self, value):
        if isinstance(value, TranslatedText | TranslatedList):
            value = value.translations
        elif isinstance(value, dict):
            value = {code: text for code, text in value.items() if text}
        return super().get_prep_value(value)


def with_offered(stored: dict, typed: dict | None) -> dict:
    """What a form's save makes of `stored`: the offered languages as `typed` (a language left
    empty is removed), the languages the platform does not offer (yet) kept as they were."""
    offered = set(offered_codes())
    kept = {code: text for code, text in (stored or {}).items() if code not in offered}
    return {**kept, **(typed or {})}


def in_every_language(*names: str) -> list[str]:
    """Lookups of translated texts for the admin's search: each offered language's text
    (`name__fr`), read as text on both databases (SQLite keeps the JSON's non-ASCII escaped,
    so searching the whole column misses "Réemploi")."""
    return [f"{name}__{code}" for name in names for code in offered_codes()]


def named_choices(queryset, key: str = "slug", name: str = "name") -> list[tuple]:
    """(key, name in the reader's language) for each row, in the order of those names."""
    rows = [(value, TranslatedText(names)) for value, names in queryset.values_list(key, name)]
    return sorted(rows, key=lambda row: row[1].casefold())


def described_change(before: dict, after: dict) -> str:
    """What changed between two sets of translations, for the audit trail: "en: A -> B"."""
    codes = [
        code for code in dict.fromkeys([*before, *after]) if before.get(code) != after.get(code)
    ]
    return "; ".join(f"{code}: {before.get(code, '')} -> {after.get(code, '')}" for code in codes)


def translations_of(instance, name: str) -> dict:
    """Every language of one text of a record: {code: text}."""
    return instance._meta.get_field(name).translations(instance)


def text_in(instance, name: str, language: str):
    """The text in exactly this language, empty when it has none (no fallback)."""
    field = instance._meta.get_field(name)
    return field.translations(instance).get(language) or field.empty_value()


def set_text(instance, name: str, language: str, value) -> None:
    """Writes one language of a text; an empty value removes that language."""
    translations = translations_of(instance, name)
    translations[language] = value
    setattr(instance, name, translations)
