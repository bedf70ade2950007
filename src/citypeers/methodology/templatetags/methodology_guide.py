"""`{% guide_chapter "lessons" %}`: a chapter of the guide in the reader's language, as HTML."""

from django import template
from django.utils.safestring import SafeString

from citypeers.core.markdown import render_markdown
from citypeers.methodology.selectors.guide import guide_chapter as chapter_text

register = template.Library()


@register.simple_tag
def guide_chapter(slug: str) -> SafeString:
    return render_markdown(chapter_text(slug=slug))
