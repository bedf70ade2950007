"""The reports' tests share a visit with its team, and a report's way through the workflow."""

import pytest

from citypeers.reports.selectors.reports import latest_version
from citypeers.reports.services.reports import (
    report_create,
    report_mark_final,
    report_publish,
    report_save,
    report_send_for_check,
)

SECTIONS = {"summary": "The market hall came back to life.", "practice": "Shops by the quay."}


@pytest.fixture
def rapporteur(people_by_role):
    return people_by_role["rapporteur"]


@pytest.fixture
def host(people_by_role):
    return people_by_role["host"]


@pytest.fixture
def report(visit, rapporteur):
    """A draft with the prefilled version 1 and a written version 2."""
    made = report_create(visit=visit, by=rapporteur, language="en", title="Quays that work")
    report_save(report=made, sections=SECTIONS, edited_version=1, by=rapporteur)
    return made


def move_to(report, status: str, *, rapporteur, coordinator) -> None:
    """Takes a draft through the workflow up to `status`."""
    order = ["check", "final", "published"]
    steps = {
        "check": lambda: report_send_for_check(report=report, by=rapporteur),
        "final": lambda: report_mark_final(report=report, by=rapporteur),
        "published": lambda: report_publish(report=report, by=coordinator),
    }
    for step in order[: order.index(status) + 1]:
        steps[step]()


@pytest.fixture
def published(report, rapporteur, coordinator):
    move_to(report, "published", rapporteur=rapporteur, coordinator=coordinator)
    return report


def current_text(report) -> dict:
    return latest_version(report).sections
