from django.urls import path

from citypeers.visits import views

app_name = "visits"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
urlpatterns = [
    path("visits/", views.dashboard, name="dashboard"),
    path("visits/new/", views.create_from_plan, name="create_from_plan"),
    path(visit, views.visit_page, name="visit"),
    path(visit + "workspace/", views.workspace, name="workspace"),
    path(visit + "plan/", views.apply_plan, name="apply_plan"),
    path(visit + "agenda/", views.agenda_publish, name="agenda_publish"),
    path(visit + "tasks/<int:pk>/", views.task_update, name="task_update"),
]
