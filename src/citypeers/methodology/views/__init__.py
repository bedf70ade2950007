"""The methodology's pages: the guide, formats, templates and the visit planner."""
