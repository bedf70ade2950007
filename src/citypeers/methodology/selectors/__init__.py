"""Reading the methodology: formats, templates and their versions, and the visit planner."""
