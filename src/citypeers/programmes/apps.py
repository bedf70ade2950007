from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammesConfig(AppConfig):
    name = "citypeers.programmes"
    label = "programmes"
    verbose_name = _("Programmes")

    def ready(self) -> None:
        from citypeers.core.second_factor import second_factor_required_for  # allauth's models
        from citypeers.programmes import personal_data  # models are ready only now
        from citypeers.programmes.selectors import coordinates_any  # models are ready only now

        # Coordinators read applicants' personal data: they sign in with a second factor.
        second_factor_required_for.register(coordinates_any)
        personal_data.register()

        from citypeers.core.audit import register_programme_paths  # it imports models

        # Which programme the audit entries about this app's objects belong to.
        register_programme_paths(
            {
                "programmes.programme": "pk",
            }
        )
