from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks.signals import task_finished, task_started


class CoreConfig(AppConfig):
    name = "citypeers.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from django.conf.locale import LANG_INFO
        from django.contrib.auth import signals as auth_signals

        from citypeers.core import (
            background,  # it imports models: only once apps are ready
            signals,  # as background
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

        # Who signed in, out, or failed to, and from where (ASVS 7.1).
        auth_signals.user_logged_in.connect(signals.signed_in, dispatch_uid="core.signed_in")
        auth_signals.user_logged_out.connect(signals.signed_out, dispatch_uid="core.signed_out")
        auth_signals.user_login_failed.connect(
            signals.sign_in_failed, dispatch_uid="core.sign_in_failed"
        )
