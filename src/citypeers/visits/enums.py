"""Facts the visits app's layers share; imports nothing of the app."""

from citypeers.programmes.models import Role

# Who works on a visit beside the programme's coordinators.
TEAM_ROLES = {Role.HOST, Role.EXPERT, Role.RAPPORTEUR}
