from django.urls import path

from citypeers.places import views

app_name = "places"
urlpatterns = [
    path("", views.place_list, name="list"),
    path("new/", views.place_create, name="create"),
    path("<int:pk>/", views.place_detail, name="detail"),
]
