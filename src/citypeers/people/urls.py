from django.urls import path

from citypeers.people import views

app_name = "people"
urlpatterns = [
    path("me/profile/", views.profile_edit, name="profile"),
    path("me/affiliations/", views.affiliations, name="affiliations"),
    path("me/affiliations/<int:pk>/", views.decide, name="affiliation_decide"),
    path(
        "me/affiliations/<int:pk>/withdraw/",
        views.withdraw,
        name="affiliation_withdraw",
    ),
]
