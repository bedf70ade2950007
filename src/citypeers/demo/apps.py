"""The demo app: the `demo` command and what it builds; it has no models."""

from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "citypeers.demo"
