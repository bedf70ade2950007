"""The visit planner's address (namespace `planner`), included at the site's root."""

from django.urls import path

from citypeers.methodology.views import planner

app_name = "planner"
urlpatterns = [path("planner/", planner.planner, name="plan")]
