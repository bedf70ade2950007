from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.utils.translation import gettext_lazy as _
from django_tasks.signals import task_finished, task_started


class CoreConfig(AppConfig):
    name = "citypeers.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from allauth.mfa.signals import (  # it imports allauth's models
            authenticator_added,
            authenticator_removed,
            authenticator_reset,
        )
        from django.conf.locale import LANG_INFO

        from citypeers.core import (
            background,  # it imports models: only once apps are ready
            signals,  # as background
        )
        from citypeers.core.middleware import (  # reads allauth's models
            second_factor_answer_forget,
            start_idle_clock,
        )
        from citypeers.core.translated import TranslatedField  # models: once apps are ready
        from citypeers.core.translated_forms import TranslatedFormField  # as models

        TranslatedField.form_class = TranslatedFormField  # a model form edits each language

        # Django names every EU language but Maltese; {% get_language_info %} then knows it too.
        LANG_INFO.setdefault(
            "mt", {"bidi": False, "code": "mt", "name": "Maltese", "name_local": "Malti"}
        )

        # Retrying tasks need to know which task row the thread is running.
        task_started.connect(background.task_started, dispatch_uid="core.task_started")
        task_finished.connect(background.task_finished, dispatch_uid="core.task_finished")
        user_logged_in.connect(start_idle_clock, dispatch_uid="core.start_idle_clock")
        # A person's second factors changed: the enrolment check asks the database again.
        for changed in (authenticator_added, authenticator_removed, authenticator_reset):
            changed.connect(second_factor_answer_forget, dispatch_uid="core.second_factor_forget")

        # Who signed in, out, or failed to, and from where (ASVS 7.1).
        user_logged_in.connect(signals.signed_in, dispatch_uid="core.signed_in")
        user_logged_out.connect(signals.signed_out, dispatch_uid="core.signed_out")
        user_login_failed.connect(signals.sign_in_failed, dispatch_uid="core.sign_in_failed")
