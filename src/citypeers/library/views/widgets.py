"""The embeddable widgets: upcoming visits and open calls as a framable page and as a plain
HTML fragment, their colours as a stylesheet, and the builder page that writes the snippets.

Only the widget pages may be framed by other sites (`frame-ancestors` from
`settings.WIDGET_FRAME_ANCESTORS`, default any, and no `X-Frame-Options`); every other page keeps
the site's `frame-ancestors 'none'` and `DENY`. Only the fragments send CORS `*`."""

from functools import wraps

from csp.decorators import csp_replace
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from citypeers.library.feeds.public import visit_url
from citypeers.library.feeds.widgets import widget_calls, widget_visits
from citypeers.library.views.widget_form import WidgetForm
from citypeers.library.views.widget_params import WidgetParams, theme_css

THEME_MAX_AGE = 7 * 24 * 3600  # the stylesheet of two colours never changes
WIDGET_MAX_AGE = 5 * 60
WIDGET_HEIGHT = 420


def frame_ancestors() -> list[str]:
    return list(settings.WIDGET_FRAME_ANCESTORS or ["*"])


def _framable(view):
    """Framable by the sites of `WIDGET_FRAME_ANCESTORS` (read per request, so a changed
    setting applies at once): this view only."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        replaced = csp_replace({"frame-ancestors": frame_ancestors()})(view)
        return replaced(request, *args, **kwargs)

    return xframe_options_exempt(wrapped)


def _with_query(path: str, query: str) -> str:
    return f"{path}?{query}" if query else path


def _listing(request: HttpRequest, kind: str, params: WidgetParams) -> dict:
    """The widget's items with absolute addresses (they open on our site from another)."""
    absolute = request.build_absolute_uri
    filters = {
        "programme": params.programme,
        "theme": params.theme,
        "country": params.country,
        "limit": params.limit,
    }
    if kind == "calls":
        calls = widget_calls(**filters)
        items = [{"call": call, "url": absolute(call.get_absolute_url())} for call in calls]
        title, all_url = _("Open calls"), reverse("calls:list")
        empty = _("No call is open at the moment.")
    else:
        visits = widget_visits(**filters)
        items = [{"visit": visit, "url": absolute(visit_url(visit))} for visit in visits]
        title, all_url = _("Upcoming visits"), reverse("programmes:list")
        empty = _("No visit is announced at the moment.")
    if params.programme:
        all_url = reverse("programmes:detail", kwargs={"slug": params.programme})
    return {
        "kind": kind,
        "title": title,
        "items": items,
        "empty": empty,
        "all_url": absolute(all_url),
    }


@require_safe
@_framable
def widget_page(request: HttpRequest, kind: str) -> HttpResponse:
    """The page an embedding site frames: no site chrome, its own colours."""
    params = WidgetParams.from_query(request.GET)
    context = _listing(request, kind, params) | {
        "params": params,
        "theme_url": _with_query(reverse("library:widget_theme"), params.query(filters=False)),
    }
    response = render(request, "library/widget.html", context)
    patch_cache_control(response, public=True, max_age=WIDGET_MAX_AGE)
    return response


@require_safe
def widget_fragment(request: HttpRequest, kind: str) -> HttpResponse:
    """The same list as a plain HTML fragment (no script, no style) for a site to include;
    readable from any origin."""
    params = WidgetParams.from_query(request.GET)
    response = render(request, "library/widget_fragment.html", _listing(request, kind, params))
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=WIDGET_MAX_AGE)
    return response


@require_safe
def widget_theme(request: HttpRequest) -> HttpResponse:
    """The widget's two colours (and the readable text colours they need) as a stylesheet."""
    palette = WidgetParams.from_query(request.GET).palette
    response = HttpResponse(theme_css(palette), content_type="text/css; charset=utf-8")
    patch_cache_control(response, public=True, max_age=THEME_MAX_AGE)
    return response


def widget_builder(request: HttpRequest) -> HttpResponse:
    """Choose what and how, see it framed, copy the iframe or the HTML snippet."""
    form = WidgetForm(request.GET or None)
    params = WidgetParams()
    kind = "visits"
    if form.is_valid():
        data = form.cleaned_data
        kind = data["kind"]
        params = WidgetParams(
            programme=data["programme"],
            theme=data["theme"],
            country=data["country"],
            limit=data["limit"],
            accent=data["accent"][1:].lower(),
            background=data["background"][1:].lower(),
        )
    widget_url = request.build_absolute_uri(
        _with_query(reverse(f"library:widget_{kind}"), params.query())
    )
    fragment_url = request.build_absolute_uri(
        _with_query(reverse(f"library:widget_{kind}_html"), params.query(colours=False))
    )
    frame_title = _("Upcoming visits") if kind == "visits" else _("Open calls")
    context = {
        "form": form,
        "kind": kind,
        "widget_url": widget_url,
        "fragment_url": fragment_url,
        "height": WIDGET_HEIGHT,
        "title": _("Widgets for your site"),
        "frame_title": frame_title,
        "iframe_code": (
            # width="100%" is not valid HTML: the full width is asked in CSS.
            f'<iframe src="{escape(widget_url)}" title="{escape(frame_title)}" '
            f'style="width: 100%; border: 0;" height="{WIDGET_HEIGHT}" loading="lazy"></iframe>'
        ),
        "fragment_code": render_to_string(
            "library/widget_fragment.html", _listing(request, kind, params), request=request
        ).strip(),
    }
    return render(request, "library/widget_builder.html", context)
