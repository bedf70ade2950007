import datetime

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from citypeers.calls.models import Call
from citypeers.calls.services.applications import application_save
from citypeers.catalogue.models import TRANSLATED_FIELDS
from citypeers.core.translated import TranslatedField
from citypeers.methodology.models import (
    ActivityFormat,
    AgendaItemTemplate,
    FormatStep,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)
from citypeers.people.models import Organisation, User
from citypeers.places.models import Place
from citypeers.programmes.models import Membership, Programme, Role, Theme, Visit

PASSWORD = "a-long-test-password"


class TranslatedKwargs:
    """Lets a test give one language of a translated text as `name_fr="…"`: it joins the
    text's other languages (core.translated)."""

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        fields = {field.name: field for field in cls._meta.model._meta.fields}
        for key in list(kwargs):
            name, _sep, language = key.rpartition("_")
            if isinstance(fields.get(name), TranslatedField) and len(language) == 2:
                kwargs[name] = {**(kwargs.get(name) or {}), language: kwargs.pop(key)}
        return kwargs


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        user.save()
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    name = factory.Sequence(lambda n: f"Town {n}")
    country = "BE"
    kind = Place.Kind.CITY
    population = 80_000


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    type = Organisation.Type.LOCAL_AUTHORITY
    place = factory.SubFactory(PlaceFactory)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ProgrammeFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    starts_on = datetime.date(2026, 1, 1)
    ends_on = datetime.date(2026, 12, 31)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Visit {n}")
    slug = factory.Sequence(lambda n: f"visit-{n}")
    host_place = factory.SubFactory(PlaceFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    programme = factory.SubFactory(ProgrammeFactory)
    role = Role.PARTICIPANT


class PracticeFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    class Meta:
        model = "catalogue.Practice"
        skip_postgeneration_save = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """A plain text is written in the practice's own language (as the services do)."""
        language = kwargs.get("language") or "en"
        for name in TRANSLATED_FIELDS:
            if isinstance(kwargs.get(name), str):
                kwargs[name] = {language: kwargs[name]} if kwargs[name] else {}
        return super()._adjust_kwargs(**kwargs)

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    tagline = "A practice worth learning from."
    type = "project"
    summary = "What the city did, in short."
    status = "draft"
    submitted_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def places(practice, create, extracted, **kwargs):
        if create and extracted:
            practice.places.set(extracted)

    @factory.post_generation
    def themes(practice, create, extracted, **kwargs):
        if create and extracted:
            practice.themes.set(extracted)


class PublishedPracticeFactory(PracticeFactory):
    status = "published"
    published_at = factory.LazyFunction(timezone.now)


class ActivityFormatFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityFormat
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"format-{n}")
    stage = "exchange"
    modes = ["onsite", "online", "hybrid"]
    roles = ["facilitator"]
    min_group, max_group = 4, 30
    min_minutes, max_minutes, default_minutes = 30, 90, 45
    name = factory.Sequence(lambda n: {"en": f"Format {n}"})
    summary = factory.LazyFunction(lambda: {"en": "A way to learn together."})
    purpose = factory.LazyFunction(lambda: {"en": "To learn."})
    when = factory.LazyFunction(lambda: {"en": "Any day."})

    @factory.post_generation
    def steps(self, create, extracted, **kwargs):
        for position, minutes in enumerate(extracted or [15, 30]):
            FormatStep.objects.create(
                format=self, position=position, minutes=minutes, text=f"Step {position + 1}"
            )


class VisitTemplateFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    class Meta:
        model = VisitTemplate

    slug = factory.Sequence(lambda n: f"template-{n}")
    mode = "online"
    name = factory.Sequence(lambda n: {"en": f"Template {n}"})
    summary = factory.LazyFunction(lambda: {"en": "For trying things out."})


class TemplateVersionFactory(factory.django.DjangoModelFactory):
    """A one-step, one-session online template version."""

    class Meta:
        model = TemplateVersion
        skip_postgeneration_save = True

    template = factory.SubFactory(VisitTemplateFactory)
    number = 1
    min_days, max_days, default_days = 3, 5, 4
    daily_minutes_max = 120
    default_participants = 24
    session_start = datetime.time(10)

    @factory.post_generation
    def content(self, create, extracted, **kwargs):
        StepTemplate.objects.create(
            version=self,
            key="s1",
            phase=4,
            position=0,
            role="coordinator",
            anchor="start",
            offset_days=-42,
            title="Close the call",
            deliverable="Applications",
            checklist="Every application complete",
        )
        for day in ("first", "middle", "last"):
            AgendaItemTemplate.objects.create(
                version=self,
                key=f"a-{day}",
                day=day,
                position=0,
                format=ActivityFormatFactory(),
                minutes=45,
            )


class CallFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    """A participant call, public and open from yesterday for four weeks (`published_at=None`
    for a draft)."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    type = "participants"
    title = factory.Sequence(lambda n: f"Call for participants {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    description = "Take part in a **peer-learning** visit."
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(weeks=4))
    published_at = factory.LazyAttribute(lambda call: call.opens_at)

    @factory.post_generation
    def visits(self, create, extracted, **kwargs):
        for visit in extracted or ():
            self.visits.add(visit)


def sent_application(call, applicant, *, preferences=(), **fields):
    """An application sent as the apply page sends it: consent given, the visits ranked."""
    return application_save(
        call=call,
        applicant=applicant,
        fields={"role": "Officer", **fields},
        preferences=list(preferences),
        answers={},
        files={},
        consent=True,
        submit=True,
    )


class VisitPlanFactory(factory.django.DjangoModelFactory):
    """A visit's plan, in Helsinki's time zone, its agenda not yet public."""

    class Meta:
        model = "visits.VisitPlan"

    visit = factory.SubFactory(VisitFactory)
    template_version = factory.SubFactory(TemplateVersionFactory)
    time_zone = "Europe/Helsinki"
    participants = 24


class VisitTaskFactory(TranslatedKwargs, factory.django.DjangoModelFactory):
    """An open, unowned task for the host, due in a month."""

    class Meta:
        model = "visits.VisitTask"

    visit = factory.SubFactory(VisitFactory)
    phase = 6
    position = factory.Sequence(lambda n: n)
    role = Role.HOST
    title = factory.Sequence(lambda n: f"Task {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class AgendaSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "visits.AgendaSession"

    visit = factory.SubFactory(VisitFactory)
    day = 1
    starts_at = datetime.datetime(2027, 3, 22, 8, tzinfo=datetime.UTC)
    minutes = 90
    format = factory.SubFactory(ActivityFormatFactory)


def practice_form_data(programme) -> dict:
    """What a person types into the new-practice form: a complete practice in English, in
    Tampere (the place must exist: `PlaceFactory(name="Tampere", country="FI")`)."""
    return {
        "programme": programme.pk,
        "title_en": "Adopt a Monument",
        "tagline_en": "Communities care for sites.",
        "places": "Tampere (FI)",
        "themes": [ThemeFactory().pk],
        "type": "project",
        "summary_en": "Residents adopt a monument under an agreement.",
        "language": "en",
    }
