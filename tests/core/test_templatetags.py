from django.template import Context, Template


def test_the_markdown_filter_renders_sanitised_html_unescaped():
    template = Template("{% load citypeers %}{{ text|markdown }}")
    html = template.render(Context({"text": "**Heritage** <script>x()</script>"}))
    assert "<strong>Heritage</strong>" in html
    assert "<script" not in html and "&lt;strong&gt;" not in html
