import os

from django.core.wsgi import get_wsgi_application

from citypeers.core.warm_up import warm_up

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
application = get_wsgi_application()
warm_up()  # in each gunicorn worker, as it loads the application
