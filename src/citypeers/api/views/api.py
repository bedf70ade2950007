"""The public API (`/api/v1/`), built with django-ninja: its OpenAPI 3.1 document at
`/api/v1/schema/`, its browsable docs at `/api/v1/docs/` (Swagger UI from our static files),
and the index at `/api/v1/`. Operations live in `catalogue.py` and `delivery.py`."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import NinjaAPI
from ninja.decorators import decorate_view

from citypeers.api.views import catalogue, delivery
from citypeers.api.views.http import read

SECURITY_SCHEME = {
    "ApiToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A programme's token (`cp_…`), made by its coordinators on the "
        "programme's API tokens page: it also reads the programme's data not yet public. "
        "Without it, the public data only.",
    }
}
RESPONSE_HEADERS = {
    "200": {
        "ETag": "Weak validator: send it back in If-None-Match for a 304.",
        "Last-Modified": "When the data read last changed: send it in If-Modified-Since.",
        "Cache-Control": "public, max-age=60 without a token; private with one.",
    },
    "429": {"Retry-After": "Seconds to wait before the next request."},
    "401": {"WWW-Authenticate": "Bearer, for a token unknown, revoked or expired."},
}


class CitypeersApi(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        """Ninja's document, with the optional bearer token and the headers every read sends."""
        schema = super().get_openapi_schema(*args, **kwargs)
        schema["components"]["securitySchemes"] = SECURITY_SCHEME
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation["security"] = [{"ApiToken": []}, {}]
                for status, answer in operation["responses"].items():  # int keys, from ninja
                    if headers := RESPONSE_HEADERS.get(str(status)):
                        answer["headers"] = {
                            name: {"description": text, "schema": {"type": "string"}}
                            for name, text in headers.items()
                        }
        return schema


api = CitypeersApi(
    title="citypeers API",
    version="1",
    description="Practices, programmes, visits with their agendas, calls, reports, news, themes "
    "and places, as the public sees them; with a programme's token, its data not yet public "
    "too. Pages of 50 (`page`, `page_size` up to 100); every answer has an ETag and "
    "Last-Modified for conditional requests; rate-limited (429 with Retry-After).",
    openapi_url="/schema/",
    docs_url="/docs/",
    urls_namespace="api",
)
api.add_router("", catalogue.router)
api.add_router("", delivery.router)


@api.get("/", response={200: dict[str, str], 304: None}, tags=["index"], summary="Index")
# It changes with no data; its validators follow the programmes', which are cheap to read.
@decorate_view(read("programmes"))
def index(request: HttpRequest):
    """Links to every collection, the OpenAPI document and the docs."""
    names = ["practices", "programmes", "visits", "calls", "reports", "news", "themes", "places"]
    links = {name: reverse(f"api:{name}") for name in names}
    links |= {"schema": reverse("api:openapi-json"), "docs": reverse("api:openapi-view")}
    return {name: request.build_absolute_uri(path) for name, path in links.items()}
