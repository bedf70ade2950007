from django.urls import path

from citypeers.api.views.api import api
from citypeers.api.views.http import not_found

# The API's own names (`api:practices`, `api:openapi-json`, …) come from ninja, under `api`.
patterns, _ninja, app_name = api.urls  # app_name: "api"
urlpatterns = [
    *patterns,
    # Any other address under /api/v1/ answers JSON too, as the document says.
    path("<path:rest>", not_found, name="not_found"),
]
