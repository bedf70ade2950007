"""Facts the visits app's layers share; imports nothing of the app."""

from citypeers.programmes.models import VISIT_TEAM_ROLES

# Who works on a visit beside the programme's coordinators.
TEAM_ROLES = VISIT_TEAM_ROLES
