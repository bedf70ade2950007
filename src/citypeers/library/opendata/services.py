"""The one write of the open data: a programme's coordinators choose its data licence."""

from citypeers.core.audit import log_action
from citypeers.programmes.models import DataLicence, Programme


def programme_data_licence_set(*, programme: Programme, licence: str, by) -> Programme:
    """Set the licence of the programme's visits, calls, reports and news as open data;
    audited. The catalogue and downloads follow at once (a programme's save marks every
    collection changed)."""
    licence = DataLicence(licence)
    if programme.data_licence != licence:
        before = programme.data_licence
        programme.data_licence = licence
        programme.save(update_fields=["data_licence"])
        log_action(
            programme,
            "programme.data_licence_changed",
            by=by,
            changes={"data_licence": licence.value, "previous": before},
        )
    return programme
