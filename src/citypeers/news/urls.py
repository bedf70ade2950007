from django.urls import path

from citypeers.news.feeds import NewsFeed
from citypeers.news.views import manage, public

app_name = "news"
item = "news/manage/<slug:slug>/"
urlpatterns = [
    path("news/", public.news_index, name="list"),
    path("news/feed/", NewsFeed(), name="feed"),
    path("news/manage/", manage.manage, name="manage"),
    path("news/manage/new/", manage.create, name="create"),
    path(item, manage.edit, name="edit"),
    path(item + "text/<str:language>/", manage.text, name="text"),
    path(item + "text/<str:language>/remove/", manage.text_remove, name="text_remove"),
    path(item + "schedule/", manage.schedule, name="schedule"),
    path(item + "publish/", manage.publish, name="publish"),
    path(item + "unpublish/", manage.unpublish, name="unpublish"),
    path(item + "delete/", manage.delete, name="delete"),
    path("news/<slug:slug>/", public.news_detail, name="detail"),
]
