from django.urls import path

from citypeers.people import views

app_name = "people"
urlpatterns = [
    path("me/profile/", views.profile_edit, name="profile"),
]
