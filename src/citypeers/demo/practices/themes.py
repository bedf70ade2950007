"""The themes and practice types that the real and the generated demo practices share."""

# The demo's themes: first the topics the Urban Agenda's Action 12 names, then the three themes
# of Cultural Heritage in Action. `demo.build` creates them from this list.
THEMES = (
    "Long-term and inclusive local strategies for culture",
    "Participation in cultural activities",
    "Cities dealing with their past: difficult heritage and new dialogues",
    "Culture, urban regeneration and urban development",
    "Local partnerships between culture, social inclusion, health, migration and integration",
    "Participatory governance of cultural heritage",
    "Adaptive re-use of built heritage",
    "Quality of interventions on cultural heritage",
)
(
    STRATEGIES,
    PARTICIPATION,
    DIFFICULT_PAST,
    REGENERATION,
    INCLUSION,
    GOVERNANCE,
    RE_USE,
    QUALITY,
) = THEMES

PRACTICE_TYPES = ("policy", "project", "event", "structure")
