"""Pages of the calls app, by sub-domain; they read through selectors and write through services."""
