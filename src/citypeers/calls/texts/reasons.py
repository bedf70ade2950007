"""The selection's reasons in the reader's language, with visits by title.

The optimiser explains each decision as data (`why`, documented in docs/optim_selection.md);
this module turns it into a sentence with gettext, so an applicant in Nantes reads it in
French and a coordinator sees visit titles, not ids. The quotas calls set (country, city size,
kind of organisation) have their own wording; any other quota is described generically."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from django_countries import countries

from citypeers.calls.enums import CIVIL_SOCIETY, SMALL_OR_MEDIUM_VALUE, Outcome
from citypeers.calls.models import Application


def reason_text(
    why: dict | None, visit_titles: dict[str, str], fallback: str = "", *, waiting: bool = False
) -> str:
    """One sentence for a decision's `why`; `fallback` (the optimiser's English) if none.
    `waiting`: the person is on a waiting list, so "not selected" would say too much."""
    if not why:
        return fallback
    code = why.get("code")
    if code in EVENTS:
        return EVENTS[code]()
    title = visit_titles.get(str(why.get("visit")), str(why.get("visit", "")))
    if code == "selected":
        return _("selected for preference %(rank)s (%(visit)s)") % {
            "rank": why["preference"],
            "visit": title,
        }
    if code == "drawn":
        return _(
            "drawn in the lottery (chance %(chance)s); selected for preference %(rank)s (%(visit)s)"
        ) % {"chance": _percent(why["chance"]), "rank": why["preference"], "visit": title}
    if code == "infeasible":
        return _("not selected: the quotas cannot all be met, so no selection was made")
    if code == "time_limit":
        return _("not selected: no selection was found in the time allowed")
    if code == "asked_nothing":
        return _("not selected: no visit was asked for")
    if code == "not_drawn":
        return _("not selected: not drawn in the lottery (chance %(chance)s)") % {
            "chance": _percent(why["chance"])
        }
    if code == "cannot_fit":
        return _(
            "not selected: no selection that keeps every quota and the places can include "
            "this application"
        )
    if code == "not_selected":
        separator = pgettext("between the reasons of each preference", "; ")
        clauses = separator.join(_clause(item, visit_titles) for item in why.get("preferences", []))
        if why.get("none_open"):
            return _(
                "not selected: no visit asked for was open to this application (%(clauses)s)"
            ) % {"clauses": clauses}
        if waiting:
            return _("no place yet: %(clauses)s") % {"clauses": clauses}
        return _("not selected: %(clauses)s") % {"clauses": clauses}
    return fallback


# Later events, recorded by the platform rather than the optimiser.
EVENTS = {
    "offered": lambda: _("offered the place freed by a decline"),
    "no_answer": lambda: _("no answer by the date asked"),
    "host": lambda: _("chosen to host a visit"),
}


def application_reason(application: Application) -> str:
    """A published outcome's reason in the active language, with visits by title."""
    titles = {str(visit.pk): visit.title for visit in application.call.visits.all()}
    waiting = application.outcome == Outcome.WAITLISTED
    return reason_text(application.outcome_why, titles, application.outcome_reason, waiting=waiting)


def _clause(item: dict, visit_titles: dict[str, str]) -> str:
    visit = visit_titles.get(str(item.get("visit")), str(item.get("visit", "")))
    return _("preference %(rank)s (%(visit)s): %(text)s") % {
        "rank": item.get("preference"),
        "visit": visit,
        "text": _clause_text(item),
    }


def _clause_text(item: dict) -> str:
    code = item.get("code")
    if code == "excluded":
        return _("left out of it by the coordinators")
    if code == "no_places":
        return _("it has no places")
    if code == "below_threshold":
        return _("the review score is below the lottery threshold")
    if code == "lottery":
        return _("not drawn in the lottery")
    if code == "adds_nothing":
        return _("a place was free, but the score adds nothing")
    if code == "full":
        capacity = item.get("capacity", 0)
        if capacity == 1:
            return _("the place went to an applicant with a higher or equal score")
        return ngettext(
            "all %(count)s places went to applicants with higher or equal scores",
            "all %(count)s places went to applicants with higher or equal scores",
            capacity,
        ) % {"count": capacity}
    if code == "replacing_breaks":
        return _replacing(item.get("replacing", {}))
    if code == "quota_blocks_entry":
        free = item.get("free", 1)
        text = ngettext(
            "%(count)s place was left free, but taking it would break %(quotas)s",
            "%(count)s places were left free, but taking one would break %(quotas)s",
            free,
        ) % {"count": free, "quotas": quotas_text(item.get("quotas", []))}
        if item.get("replacing"):
            separator = pgettext("between the reasons of each preference", "; ")
            return f"{text}{separator}{_replacing(item['replacing'])}"
        return text
    return ""


def _replacing(replacing: dict) -> str:
    lower, quotas = replacing.get("lower", 1), quotas_text(replacing.get("quotas", []))
    if lower == 1:
        return _("replacing the one selected with a lower score would break %(quotas)s") % {
            "quotas": quotas
        }
    return _("replacing any of the %(count)s selected with lower scores would break %(quotas)s") % {
        "count": lower,
        "quotas": quotas,
    }


def quotas_text(quotas: list[dict]) -> str:
    names = [quota_text(quota) for quota in quotas]
    if len(names) == 1:
        return _("the quota “%(name)s”") % {"name": names[0]}
    quoted = [_("“%(name)s”") % {"name": name} for name in names]
    return _("the quotas %(names)s") % {"names": _(" or ").join(quoted)}


def quota_text(quota: dict) -> str:
    """A quota in words, e.g. 'at most 3 per country (France)'."""
    kind, attribute, bound = quota.get("kind"), quota.get("attribute"), quota.get("bound")
    if kind == "max_per_value" and attribute == "country":
        name = countries.name(quota.get("concerned") or "") or quota.get("concerned")
        return _("at most %(count)s per country (%(country)s)") % {"count": bound, "country": name}
    if kind == "max_per_value" and attribute == "organisation":
        return _("at most %(count)s per organisation") % {"count": bound}
    if kind == "min_share" and (attribute, quota.get("value")) == SMALL_OR_MEDIUM_VALUE:
        return _("at least %(share)s from small or medium cities") % {"share": _percent(bound)}
    if kind == "min_share" and (attribute, quota.get("value")) == CIVIL_SOCIETY:
        return _("at least %(share)s from civil-society organisations") % {"share": _percent(bound)}
    amount = _percent(bound) if kind in {"min_share", "max_share"} else bound
    if kind == "max_per_value":
        return _("at most %(amount)s per %(attribute)s") % {
            "amount": amount,
            "attribute": attribute,
        }
    template = (
        _("at least %(amount)s with %(attribute)s = %(value)s")
        if kind in {"min", "min_share"}
        else _("at most %(amount)s with %(attribute)s = %(value)s")
    )
    return template % {"amount": amount, "attribute": attribute, "value": quota.get("value")}


def _percent(share) -> str:
    """0.3 as "30%" (or the language's way of writing it)."""
    percent = round(float(share) * 100, 1)
    number = number_format(percent, decimal_pos=0 if percent.is_integer() else 1)
    return _("%(number)s%%") % {"number": number}
