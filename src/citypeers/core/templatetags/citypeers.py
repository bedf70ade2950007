from django import template
from django.utils.safestring import mark_safe

from citypeers.core.fonts import pdf_font_faces
from citypeers.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.simple_tag
def pdf_fonts():
    """The shipped fonts' @font-face rules, for a PDF template's <style> (core.fonts)."""
    return mark_safe(pdf_font_faces())  # noqa: S308 (our own constant CSS)
