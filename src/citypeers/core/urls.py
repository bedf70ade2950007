from django.urls import path

from citypeers.core import views

app_name = "core"
urlpatterns = [
    path("staff/outbox/", views.outbox, name="outbox"),
    path("staff/outbox/<int:pk>/", views.outbox_message, name="outbox_message"),
]
