"""The methodology's forms: formats, templates and the planner's parameters."""
