from django.urls import path

from citypeers.library import views
from citypeers.library.feeds import (
    NewPracticesFeed,
    OpenCallsFeed,
    ProgrammeFeed,
    ReportsFeed,
    ThemeFeed,
)
from citypeers.library.views import widgets

# Included before the calls' URLs, so `calls/feed/` is this feed, not a call named "feed".
app_name = "library"
urlpatterns = [
    path("library/", views.library_search, name="search"),
    path("library/feed/", NewPracticesFeed(), name="feed"),
    path("reports/feed/", ReportsFeed(), name="reports_feed"),
    path("calls/feed/", OpenCallsFeed(), name="calls_feed"),
    path("programmes/<slug:slug>/feed/", ProgrammeFeed(), name="programme_feed"),
    path("themes/<slug:slug>/feed/", ThemeFeed(), name="theme_feed"),
    path("widgets/", widgets.widget_builder, name="widgets"),
    path("widgets/theme.css", widgets.widget_theme, name="widget_theme"),
    path("widgets/visits/", widgets.widget_page, {"kind": "visits"}, name="widget_visits"),
    path("widgets/calls/", widgets.widget_page, {"kind": "calls"}, name="widget_calls"),
    path(
        "widgets/visits.html",
        widgets.widget_fragment,
        {"kind": "visits"},
        name="widget_visits_html",
    ),
    path(
        "widgets/calls.html", widgets.widget_fragment, {"kind": "calls"}, name="widget_calls_html"
    ),
]
