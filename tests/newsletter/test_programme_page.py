"""A programme's page offers its newsletter while the programme runs."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ProgrammeFactory

pytestmark = pytest.mark.django_db


def test_a_running_programme_links_its_newsletter_with_itself_chosen(client, programme):
    page = client.get(reverse("programmes:detail", args=[programme.slug])).content.decode()
    address = reverse("newsletter:subscribe") + f"?programme={programme.slug}"
    assert f'href="{address}"' in page
    form = client.get(address).content.decode()
    assert re.search(
        rf'<input type="checkbox" name="programmes" value="{programme.pk}"[^>]* checked', form
    )


def test_an_ended_programme_offers_no_newsletter(client):
    ended = ProgrammeFactory(
        starts_on=timezone.localdate() - datetime.timedelta(days=400),
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    page = client.get(reverse("programmes:detail", args=[ended.slug])).content.decode()
    assert reverse("newsletter:subscribe") + "?programme=" not in page
