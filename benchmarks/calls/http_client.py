"""A browser's part in the submission benchmark, with http.client: open the apply page for
its CSRF token, post the form as multipart (as the page's form does), time each request."""

import http.client
import re
import secrets
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

HOST = "127.0.0.1"
REQUEST_TIMEOUT = 120  # generous: a slow answer is measured, not turned into an error
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    status: int  # 0 when the request failed before an answer (connection refused, timeout)
    seconds: float
    location: str = ""
    text: str = ""
    cookies: dict[str, str] = field(default_factory=dict)
    error: str = ""
    served_by: str = ""  # the app server behind a load balancer that says (X-Served-By)


def multipart(fields: list[tuple[str, str]]) -> tuple[bytes, str]:
    """The body and content type of a multipart/form-data post of text fields."""
    boundary = f"citypeers-bench-{secrets.token_hex(12)}"
    lines = []
    for name, value in fields:
        lines += [f"--{boundary}", f'Content-Disposition: form-data; name="{name}"', "", value]
    lines += [f"--{boundary}--", ""]
    return "\r\n".join(lines).encode(), f"multipart/form-data; boundary={boundary}"


def request(port: int, method: str, path: str, *, cookies: dict[str, str], fields=None) -> Answer:
    """One request on a fresh connection (as gunicorn closes it after each answer anyway)."""
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Connection": "close"}
    body = None
    if fields is not None:
        body, headers["Content-Type"] = multipart(fields)
        headers["Origin"] = f"http://{HOST}:{port}"  # as a browser sends with a form post
    begin = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode(errors="replace")
        seconds = time.perf_counter() - begin
        jar = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return Answer(
            response.status,
            seconds,
            response.getheader("Location") or "",
            text,
            {name: morsel.value for name, morsel in jar.items()},
            served_by=response.getheader("X-Served-By") or "",
        )
    except (OSError, http.client.HTTPException) as error:
        return Answer(0, time.perf_counter() - begin, error=f"{type(error).__name__}: {error}")
    finally:
        connection.close()


def csrf_token(page: str) -> str | None:
    found = CSRF_INPUT.search(page)
    return found.group(1) if found else None
