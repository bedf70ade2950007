"""Forms of the calls app, by sub-domain."""
