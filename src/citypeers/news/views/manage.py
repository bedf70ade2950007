"""The editor: one's items with their state and languages, writing an item, its texts one
language at a time beside the original, and when it goes out. Views parse and check; the
services write."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.http import add_error_to_form, permission_required
from citypeers.news import services
from citypeers.news.errors import NewsError
from citypeers.news.forms import NewsCreateForm, NewsItemForm, NewsTextForm, ScheduleForm
from citypeers.news.models import NewsItem
from citypeers.news.selectors import (
    LANGUAGE_NAMES,
    local_name,
    news_editable_by,
    news_item,
    news_state,
)

TEXT_FIELDS = ("title", "summary", "body", "image_alt")


def _item(slug: str, **kwargs) -> NewsItem:
    item = news_item(slug=slug)
    if item is None:
        raise Http404
    return item


def _editor(item: NewsItem) -> str:
    return redirect("news:edit", slug=item.slug)


@permission_required("news.write_news")
def manage(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    items = [
        (item, news_state(item, now=now), [t.language for t in item.texts.all()])
        for item in news_editable_by(request.user)
    ]
    return render(request, "news/manage/list.html", {"items": items})


@permission_required("news.write_news")
def create(request: HttpRequest) -> HttpResponse:
    form = NewsCreateForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = services.news_item_create(
                by=request.user,
                programme=data["programme"],
                original_language=data["original_language"],
                image=data["image"] or None,
                **{name: data[name] for name in TEXT_FIELDS},
                **form.links(),
            )
        except NewsError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Draft saved. Schedule or publish it when it is ready."))
            return _editor(item)
    return render(request, "news/manage/create.html", {"form": form})


@permission_required("news.edit_news", _item)
def edit(request: HttpRequest, slug: str, obj: NewsItem) -> HttpResponse:
    form = NewsItemForm(request.POST or None, request.FILES or None, user=request.user, item=obj)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.news_item_update(
                item=obj,
                by=request.user,
                programme=data["programme"],
                image=data["image"] or None,
                remove_image=data.get("remove_image", False),
                **form.links(),
            )
        except NewsError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Saved."))
            return _editor(obj)
    return _edit_page(request, obj, form)


def _edit_page(request, item: NewsItem, form, schedule_form=None, status: int = 200):
    texts = {text.language: text for text in item.texts.all()}
    at = timezone.localtime(item.publish_at) if item.publish_at else None
    context = {
        "item": item,
        "form": form,
        "state": news_state(item),
        "languages": [(code, local_name(code), texts.get(code)) for code in LANGUAGE_NAMES],
        "schedule_form": schedule_form or ScheduleForm(initial={"publish_at": at}),
    }
    return render(request, "news/manage/edit.html", context, status=status)


@permission_required("news.edit_news", _item)
def text(request: HttpRequest, slug: str, language: str, obj: NewsItem) -> HttpResponse:
    if language not in LANGUAGE_NAMES:
        raise Http404
    texts = {t.language: t for t in obj.texts.all()}
    current = texts.get(language)
    initial = {name: getattr(current, name) for name in TEXT_FIELDS} if current else {}
    form = NewsTextForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.news_text_save(
                item=obj, by=request.user, language=language, **form.cleaned_data
            )
        except NewsError as error:
            add_error_to_form(form, error)
        else:
            messages.success(
                request,
                _("The text in %(language)s is saved.") % {"language": local_name(language)},
            )
            return _editor(obj)
    original = texts.get(obj.original_language)
    context = {
        "item": obj,
        "form": form,
        "language": language,
        "language_name": local_name(language),
        "exists": current is not None,
        "original": original if language != obj.original_language else None,
        "original_name": local_name(obj.original_language),
    }
    return render(request, "news/manage/text.html", context)


@require_POST
@permission_required("news.edit_news", _item)
def text_remove(request: HttpRequest, slug: str, language: str, obj: NewsItem) -> HttpResponse:
    try:
        services.news_text_remove(item=obj, by=request.user, language=language)
    except NewsError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The text in %(language)s is removed.") % {"language": local_name(language)}
        )
    return _editor(obj)


@require_POST
@permission_required("news.edit_news", _item)
def schedule(request: HttpRequest, slug: str, obj: NewsItem) -> HttpResponse:
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            at = form.cleaned_data["publish_at"]
            services.news_item_schedule(item=obj, by=request.user, at=at)
        except NewsError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Scheduled."))
            return _editor(obj)
    return _edit_page(request, obj, NewsItemForm(user=request.user, item=obj), form)


@require_POST
@permission_required("news.edit_news", _item)
def publish(request: HttpRequest, slug: str, obj: NewsItem) -> HttpResponse:
    services.news_item_publish(item=obj, by=request.user)
    messages.success(request, _("Published."))
    return _editor(obj)


@require_POST
@permission_required("news.edit_news", _item)
def unpublish(request: HttpRequest, slug: str, obj: NewsItem) -> HttpResponse:
    services.news_item_unpublish(item=obj, by=request.user)
    messages.success(request, _("Back to a draft: the public no longer sees it."))
    return _editor(obj)


@permission_required("news.edit_news", _item)
def delete(request: HttpRequest, slug: str, obj: NewsItem) -> HttpResponse:
    if request.method == "POST":
        services.news_item_delete(item=obj, by=request.user)
        messages.success(request, _("The news item is deleted."))
        return redirect("news:manage")
    return render(request, "news/manage/delete.html", {"item": obj})
