"""Writes of the calls app: one function per action, keyword-only arguments, no request."""
