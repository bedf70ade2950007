"""Reads of the calls app: querysets and plain data for pages, services and tasks."""
