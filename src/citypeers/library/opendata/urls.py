"""The open data's files under `/data/` (no language prefix: machines read them) and its
pages inside the language prefix (`pages`, namespace `opendata`)."""

from django.urls import path, re_path

from citypeers.library.opendata import views

app_name = "data"
COLLECTION = r"(?P<collection>[a-z]+)\.(?P<fmt>csv|json)"
urlpatterns = [
    re_path(r"^catalog\.(?P<fmt>ttl|jsonld)$", views.catalogue, name="catalogue"),
    re_path(
        r"^programmes/(?P<programme>[-a-zA-Z0-9_]+)/" + COLLECTION + "$",
        views.download,
        name="programme_download",
    ),
    re_path(r"^" + COLLECTION + "$", views.download, name="download"),
]
pages = ([path("data/", views.index, name="index")], "opendata")
