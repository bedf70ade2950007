from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks.signals import task_finished, task_started


class CoreConfig(AppConfig):
    name = "citypeers.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from citypeers.core import background  # it imports models: only once apps are ready

        # Retrying tasks need to know which task row the thread is running.
        task_started.connect(background.task_started, dispatch_uid="core.task_started")
        task_finished.connect(background.task_finished, dispatch_uid="core.task_finished")
