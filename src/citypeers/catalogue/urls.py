from django.urls import path

from citypeers.catalogue import views

app_name = "catalogue"
urlpatterns = [
    path("practices/new/", views.practice_create, name="create"),
    path("practices/review/", views.review_queue, name="review_queue"),
    path("practices/<slug:slug>/", views.practice_detail, name="detail"),
    path("practices/<slug:slug>/edit/", views.practice_edit, name="edit"),
    path("practices/<slug:slug>/submit/", views.practice_submit, name="submit"),
    path("practices/<slug:slug>/review/", views.practice_review, name="review"),
    path("practices/<slug:slug>/history/", views.practice_history, name="history"),
    path("me/practices/", views.my_practices, name="mine"),
]
