from django.urls import path

from citypeers.feedback.views import (
    answering,
    impact,
    lessons,
    plans,
    proposals,
    results,
    surveys,
    templates,
)

app_name = "feedback"
programme_templates = "programmes/<slug:programme>/surveys/templates/"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
survey = visit + "surveys/<int:pk>/"
urlpatterns = [
    path(programme_templates, templates.templates_page, name="templates"),
    path(
        programme_templates + "<int:pk>/customise/", templates.customise, name="template_customise"
    ),
    path(programme_templates + "<int:pk>/edit/", templates.edit, name="template_edit"),
    path(programme_templates + "<int:pk>/versions/", templates.versions, name="template_versions"),
    path("surveys/<str:token>/", answering.answer, name="answer"),
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
    path(visit + "action-plan/", plans.plan_write, name="plan"),
    path(visit + "action-plan/follow-up/", plans.plan_follow_up_page, name="plan_follow_up"),
    path(visit + "action-plans/", plans.plan_list, name="plan_list"),
    path(visit + "action-plans/<int:pk>/", plans.plan_read, name="plan_read"),
    path(
        "programmes/<slug:programme>/impact/", impact.programme_impact_page, name="programme_impact"
    ),
    path(
        "programmes/<slug:programme>/impact/map.svg",
        impact.programme_impact_map,
        name="programme_impact_map",
    ),
    path(visit + "impact/", impact.visit_impact_page, name="visit_impact"),
    path(visit + "impact/map.svg", impact.visit_impact_map, name="visit_impact_map"),
    path(visit + "lessons/", lessons.lessons, name="lessons"),
    path(visit + "methodology-test/", lessons.methodology_test, name="methodology_test"),
    path("methodology/proposals/", proposals.proposal_list, name="proposals"),
    path("methodology/proposals/new/", proposals.proposal_new, name="proposal_new"),
    path("methodology/proposals/<int:pk>/", proposals.proposal_detail, name="proposal"),
]
