from django.urls import path

from citypeers.library import views
from citypeers.library.feeds import NewPracticesFeed

app_name = "library"
urlpatterns = [
    path("library/", views.library_search, name="search"),
    path("library/feed/", NewPracticesFeed(), name="feed"),
]
