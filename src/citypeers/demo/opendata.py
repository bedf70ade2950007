"""The demo's open data: the next round's coordinators chose CC BY-SA 4.0 for its data, so
the open data page and the catalogue show a programme licence beside the site's CC BY 4.0."""

from citypeers.library.opendata.services import programme_data_licence_set
from citypeers.programmes.models import DataLicence, Programme


def opendata_demo_load(*, programme: Programme, by) -> None:
    programme_data_licence_set(programme=programme, licence=DataLicence.CC_BY_SA_4_0, by=by)
