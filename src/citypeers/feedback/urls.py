from django.urls import path

from citypeers.feedback.views import answering, templates

app_name = "feedback"
programme_templates = "programmes/<slug:programme>/surveys/templates/"
urlpatterns = [
    path(programme_templates, templates.templates_page, name="templates"),
    path(
        programme_templates + "<int:pk>/customise/", templates.customise, name="template_customise"
    ),
    path(programme_templates + "<int:pk>/edit/", templates.edit, name="template_edit"),
    path(programme_templates + "<int:pk>/versions/", templates.versions, name="template_versions"),
    path("surveys/<str:token>/", answering.answer, name="answer"),
]
