from django.urls import path

from citypeers.methodology import planner_views

app_name = "planner"
urlpatterns = [path("planner/", planner_views.planner, name="plan")]
