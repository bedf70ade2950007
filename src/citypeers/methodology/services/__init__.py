"""Changing the methodology: formats edited in place, templates saved as new versions, the
shipped content loaded."""
