from django.urls import path

from citypeers.programmes import views

app_name = "programmes"
urlpatterns = [
    path("programmes/", views.programme_list, name="list"),
    path("themes/", views.themes, name="themes"),
    path("themes/<slug:slug>/edit/", views.theme_edit, name="theme_edit"),
    path("programmes/<slug:slug>/", views.programme_view, name="detail"),
    path("programmes/<slug:slug>/members/", views.members, name="members"),
    path("programmes/<slug:slug>/audit/", views.audit_trail, name="audit"),
    path(
        "programmes/<slug:slug>/members/<int:pk>/remove/", views.member_remove, name="member_remove"
    ),
]
