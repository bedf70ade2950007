"""The public's news: the list (by programme, by theme) and the article page. An item not yet
out is not there for the public (404); those who may edit it see it, marked."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from citypeers.core.http import paginate, query_without_page
from citypeers.core.markdown import render_markdown
from citypeers.news.enums import PER_PAGE, NewsState
from citypeers.news.forms import NewsFilterForm
from citypeers.news.selectors import news_item, news_list, news_state, shown_in, text_for
from citypeers.news.texts import article_metadata, json_ld_script, report_address, visit_address


def news_index(request: HttpRequest) -> HttpResponse:
    form = NewsFilterForm(request.GET)
    chosen = form.cleaned_data if form.is_valid() else {}
    items = news_list(programme=chosen.get("programme"), theme=chosen.get("theme"))
    page = paginate(request, items, per_page=PER_PAGE)
    context = {
        "form": form,
        "page": page,
        "news": shown_in(page.object_list, get_language()),
        "query": query_without_page(request),
        "filtered": bool(chosen.get("programme") or chosen.get("theme")),
    }
    return render(request, "news/list.html", context)


def news_detail(request: HttpRequest, slug: str) -> HttpResponse:
    item = news_item(slug=slug)
    if item is None:
        raise Http404
    state = news_state(item)
    may_edit = request.user.has_perm("news.edit_news", item)
    if state != NewsState.PUBLISHED and not may_edit:
        raise Http404  # not out yet: it does not exist for the public
    shown = text_for(item, get_language())
    if shown is None:
        raise Http404
    metadata = article_metadata(shown, absolute=request.build_absolute_uri)
    context = {
        "shown": shown,
        "item": item,
        "state": state,
        "may_edit": may_edit,
        "body": render_markdown(shown.text.body),
        "og": metadata["og"],
        "json_ld": json_ld_script(metadata["json_ld"]),
        "visits": [(v, visit_address(v)) for v in item.visits.all()],
        "reports": [(r, report_address(r)) for r in item.reports.all()],
    }
    return render(request, "news/detail.html", context)
