"""Files attached to applications, served to those who may read the application."""

from django.http import FileResponse, Http404, HttpRequest
from django.utils.cache import patch_cache_control

from citypeers.calls.models import ApplicationFile
from citypeers.calls.selectors.applications import attached_file
from citypeers.core.files import display_name
from citypeers.core.http import permission_required

# A file is never shown in the platform's pages: downloaded, never sniffed into HTML, and
# sandboxed should a browser open it all the same.
FILE_POLICY = "sandbox; default-src 'none'"


@permission_required("calls.view_application_file", attached_file)
def application_file(
    request: HttpRequest, slug: str, pk: int, file: int, obj: ApplicationFile
) -> FileResponse:
    # Streamed through Django from whichever storage holds it (a folder, a bucket), never a
    # redirect to a presigned bucket address: every download passes the permission check
    # above and shows in the app servers' access log, the bucket needs no address anyone can fetch,
    # and the headers below (download, type, sandbox) are ours, not the bucket's.
    try:
        content = obj.file.open("rb")
    except FileNotFoundError:  # gone from the storage: nothing to give
        raise Http404 from None
    response = FileResponse(
        content,
        as_attachment=True,
        filename=display_name(obj.name),
        content_type=obj.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    patch_cache_control(response, private=True, no_store=True)
    return response
