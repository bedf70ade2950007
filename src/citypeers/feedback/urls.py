from django.http import Http404
from django.urls import path

from citypeers.feedback.views import results, surveys


def answer_placeholder(request, token: str):
    """Stands for the answering page (fbans's `views.answering.answer`, same address and name)
    until it is merged, so mails can link to it; on merge, keep that line and drop this."""
    raise Http404


app_name = "feedback"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
survey = visit + "surveys/<int:pk>/"
urlpatterns = [
    path(visit + "surveys/", surveys.surveys, name="surveys"),
    path(visit + "surveys/rates/", surveys.survey_rates, name="survey_rates"),
    path(visit + "surveys/prepare/", surveys.surveys_prepare, name="surveys_prepare"),
    path(survey + "anonymity/", surveys.survey_anonymity, name="survey_anonymity"),
    path(survey + "send/", surveys.survey_send, name="survey_send"),
    path(survey + "results/", results.results, name="results"),
    path(survey + "results/charts/<slug:key>.svg", results.chart, name="chart"),
    path(
        "programmes/<slug:programme>/surveys/results/",
        results.programme_results,
        name="programme_results",
    ),
    path(
        "programmes/<slug:programme>/surveys/results/charts/<slug:key>.svg",
        results.programme_chart,
        name="programme_chart",
    ),
    path("surveys/<str:token>/", answer_placeholder, name="answer"),
]
