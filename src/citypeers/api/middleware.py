"""HEAD for the API: answered as the GET it stands for, without the body (RFC 9110, 9.3.2),
so link checkers and caches can ask for the headers (ETag, Last-Modified) alone. The API's
operations are declared for GET only, which keeps the OpenAPI document to one per address."""

from django.http import HttpRequest, HttpResponse

API_PREFIX = "/api/v1/"


class HeadAsGetMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "HEAD" or not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        request.method = "GET"
        response = self.get_response(request)
        if not response.streaming:
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
