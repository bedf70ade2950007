import rules

from citypeers.people.permissions import asked_affiliation, decides_affiliation

rules.add_perm("people.decide_affiliation", decides_affiliation)
rules.add_perm("people.withdraw_affiliation", asked_affiliation)
