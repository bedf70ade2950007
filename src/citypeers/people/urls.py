from django.urls import path

from citypeers.people import privacy_views, views

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
    path("me/data/", privacy_views.my_data, name="my_data"),
    path("me/data/download/", privacy_views.my_data_download, name="my_data_download"),
    path("me/erase/", privacy_views.erase, name="erase"),
    path("privacy/", privacy_views.privacy, name="privacy"),
]
