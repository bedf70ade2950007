"""Selection settings: places and quotas per visit as percentages; pins and exclusions."""

import pytest

from citypeers.calls.forms.selection import OverrideForm, SelectionSettingsForm
from tests.calls.helpers import apply

pytestmark = pytest.mark.django_db


def settings(call, **changes):
    vantaa = call.visits.get()
    data = {
        "mode": "merit",
        f"visit_{vantaa.pk}_capacity": 4,
        f"visit_{vantaa.pk}_max_per_country": "",
        f"visit_{vantaa.pk}_min_share_small_medium": "",
        f"visit_{vantaa.pk}_min_share_civil_society": "",
    }
    return data | {f"visit_{vantaa.pk}_{name}": value for name, value in changes.items()}


def test_shares_are_typed_as_percentages_and_kept_as_exact_fractions(call):
    bound = SelectionSettingsForm(
        settings(call, min_share_small_medium=30, min_share_civil_society=0), call=call
    )
    assert bound.is_valid(), bound.errors
    vantaa = str(call.visits.get().pk)
    assert bound.settings() == {
        "mode": "merit",
        "threshold": None,
        "visits": {
            vantaa: {
                "capacity": 4,
                "max_per_country": None,
                "min_share_small_medium": 0.3,
                "min_share_civil_society": None,
            }
        },
    }


def test_a_share_above_100_percent_is_refused_at_its_cell(call):
    bound = SelectionSettingsForm(settings(call, min_share_civil_society=101), call=call)
    name = f"visit_{call.visits.get().pk}_min_share_civil_society"
    assert bound.errors[name] == ["Ensure this value is less than or equal to 100."]


def test_the_stored_shares_show_as_percentages(call):
    vantaa = call.visits.get()
    call.selection_settings["visits"][str(vantaa.pk)]["min_share_small_medium"] = 0.35
    call.selection_settings["threshold"] = 20.0
    form = SelectionSettingsForm(call=call)
    assert form.initial[f"visit_{vantaa.pk}_min_share_small_medium"] == 35
    assert form.initial[f"visit_{vantaa.pk}_capacity"] == 1 and form.initial["threshold"] == 20.0
    [(visit, fields)] = form.visit_rows()
    assert visit == vantaa and len(fields) == 4


def test_a_lottery_threshold_is_a_score_out_of_100(call):
    bound = SelectionSettingsForm(settings(call) | {"mode": "lottery", "threshold": 120}, call=call)
    assert bound.errors["threshold"] == ["Ensure this value is less than or equal to 100."]
    bound = SelectionSettingsForm(settings(call) | {"mode": "lottery", "threshold": 40}, call=call)
    assert bound.is_valid() and bound.settings()["threshold"] == 40.0


def test_an_exclusion_needs_a_reason_and_only_sent_applications_can_be_chosen(call):
    aino = apply(call, "Aino")
    refused = OverrideForm({"application": aino.pk, "kind": "exclude", "reason": " "}, call=call)
    assert refused.errors["reason"] == ["Say why: it is kept with the decision."]
    removal = OverrideForm({"application": aino.pk, "kind": "none"}, call=call)
    assert removal.is_valid(), removal.errors
    assert list(OverrideForm(call=call).fields["application"].queryset) == [aino]
