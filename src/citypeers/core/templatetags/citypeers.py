from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from citypeers.core.fonts import pdf_font_faces
from citypeers.core.languages import own_name
from citypeers.core.markdown import render_markdown

register = template.Library()

# A translated text (core.translated) shown in another language than the page's is marked with
# its own `lang`, so screen readers speak it and browsers hyphenate it in that language.


def _fallback_language(text) -> str | None:
    return text.language if getattr(text, "is_fallback", False) else None


@register.filter(name="markdown")
def markdown_filter(text: str):
    html = render_markdown(text)
    if language := _fallback_language(text):
        return format_html('<div lang="{}">{}</div>', language, html)
    return html


@register.filter
def translated(text):
    """The text, in a `<span lang>` when it is shown in another language than the page's."""
    if language := _fallback_language(text):
        return format_html('<span lang="{}">{}</span>', language, text)
    return text


@register.inclusion_tag("core/fallback_notice.html", takes_context=True)
def fallback_notice(context, text):
    """When `text` is not written in the page's language: a note of the language it is shown
    in, and of this page in each language the text has."""
    shown = _fallback_language(text)
    if not shown:
        return {"shown": None}
    links = {link["code"]: link for link in context.get("language_links", [])}
    return {
        "shown": shown,
        "shown_name": links[shown]["name"] if shown in links else own_name(shown) or shown,
        "others": [links[code] for code in text.languages if code in links],
    }


@register.simple_tag
def pdf_fonts():
    """The shipped fonts' @font-face rules, for a PDF template's <style> (core.fonts)."""
    return mark_safe(pdf_font_faces())  # noqa: S308 (our own constant CSS)
