from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "citypeers.feedback"
    verbose_name = _("Feedback and impact")

    def ready(self) -> None:
        from citypeers.feedback import personal_data, signals  # models are ready only now

        signals.connect()
        personal_data.register()

        from citypeers.core.audit import register_programme_paths  # it imports models

        # Which programme the audit entries about this app's objects belong to.
        register_programme_paths(
            {
                "feedback.formatlesson": "visit.programme_id",
                "feedback.actionplan": "visit.programme_id",
                "feedback.planmailsent": "visit.programme_id",
                "feedback.survey": "visit.programme_id",
                "feedback.actionstep": "plan.visit.programme_id",
                "feedback.stepupdate": "step.plan.visit.programme_id",
                "feedback.plancomment": "plan.visit.programme_id",
                "feedback.invitation": "survey.visit.programme_id",
                "feedback.response": "survey.visit.programme_id",
                "feedback.surveytemplateversion": "template.programme_id",
            }
        )
