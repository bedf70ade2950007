"""The smallest Django app worth comparing against: one view returning "hello".

It is the baseline of `benchmarks/http_throughput.py`: served by the same gunicorn with the
same worker count as citypeers, its requests per second are the ceiling that Django plus
gunicorn reach on this machine, so citypeers' figures can be read as a ratio of it.
Serve it with `python -m gunicorn benchmarks.hello_app:application` from the project root.
"""

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    # Nothing is signed, so a fresh key per process is enough and none is kept in the source.
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    # No apps, no database and no middleware: only URL resolution and the view remain.
    INSTALLED_APPS=[],
    MIDDLEWARE=[],
    DATABASES={},
    USE_I18N=False,
    USE_TZ=True,
)


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("hello", content_type="text/plain")


urlpatterns = [path("", hello)]

# get_wsgi_application() runs django.setup() with the settings above.
application = get_wsgi_application()
