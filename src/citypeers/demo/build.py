"""`load_demo`: the whole demo, in the order its parts need one another.

Idempotent: every part looks its objects up by a natural key before making them, so running the
demo again changes nothing and loses nothing.
"""

from django.db import transaction

from citypeers.demo.accounts import accounts_load
from citypeers.demo.api_tokens import api_tokens_load
from citypeers.demo.calls_2021.build import load_closed_call
from citypeers.demo.calls_open import CALL_HOSTS, load_host_call, load_open_call, next_round_load
from citypeers.demo.feedback import feedback_demo_load, feedback_demo_schedule
from citypeers.demo.news import news_demo_load
from citypeers.demo.newsletter import newsletter_demo_load
from citypeers.demo.opendata import opendata_demo_load
from citypeers.demo.practices import CHIA_2021_PRACTICES, THEMES
from citypeers.demo.practices.load import load_demo_practices
from citypeers.demo.programme_2021 import place_named, programme_load
from citypeers.demo.reports_2021 import publish_demo_reports
from citypeers.demo.visits import plan_demo_visits
from citypeers.demo.visits_run import prepare_demo_visit, run_demo_visits
from citypeers.feedback.services.templates import house_templates_load
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.services.loader import load_methodology
from citypeers.people.models import Organisation, User
from citypeers.places.models import Place
from citypeers.places.services import places_load_reference
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.programmes.services import theme_save


@transaction.atomic
def load_demo() -> str:
    """Loads everything; returns the one-line summary the command prints."""
    if not Place.objects.filter(geonames_id__isnull=False).exists():
        places_load_reference()
    themes = [
        Theme.objects.filter(name__en=name).first()
        or theme_save(name=name, description="", by=None)
        for name in THEMES
    ]
    programme, visits = programme_load(themes=themes, practices=CHIA_2021_PRACTICES)
    vantaa = visits[0].host_place
    city = Organisation.objects.get_or_create(
        name="City of Vantaa", place=vantaa, defaults={"type": Organisation.Type.LOCAL_AUTHORITY}
    )[0]
    people = accounts_load(programme=programme, first_visit=visits[0], host_organisation=city)
    coordinator = people["coordinator"]
    practices = load_demo_practices(
        programme=programme, visits=visits, themes=themes, coordinator=coordinator
    )
    load_methodology()
    house_templates_load()
    plan_demo_visits(visits, coordinator=coordinator)
    load_closed_call(
        programme=programme, visits=visits, coordinator=coordinator, reviewer=people["reviewer"]
    )
    run_demo_visits(visits, coordinator=coordinator)
    publish_demo_reports(
        visits, coordinator=coordinator, rapporteur=people["rapporteur"], demo_host=people["host"]
    )
    feedback_demo_load(visits, coordinator=coordinator, demo_participant=people["participant"])
    news_demo_load(programme=programme, visits=visits, coordinator=coordinator)
    next_round = next_round_load(coordinator)
    places = {name: place_named(name, country, "city") for name, country in CALL_HOSTS}
    call = load_open_call(programme=next_round, places=places, by=coordinator)
    tampere = call.visits.get(slug="tampere-2027")
    prepare_demo_visit(
        visit=tampere,
        programme=next_round,
        coordinator=coordinator,
        participant=people["participant"],
        host=people["host"],
    )
    feedback_demo_schedule(tampere, coordinator=coordinator)
    load_host_call(programme=next_round, by=coordinator)
    opendata_demo_load(programme=next_round, by=coordinator)
    newsletter_demo_load(programme=next_round, coordinator=coordinator)
    api_tokens_load(programme=programme, coordinator=coordinator)
    return (
        f"Demo ready: {Place.objects.count()} places, {Programme.objects.count()} programme(s), "
        f"{Visit.objects.count()} visits, {practices} good practices, "
        f"{ActivityFormat.objects.count()} activity formats, {User.objects.count()} accounts."
    )
