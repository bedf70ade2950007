"""A programme's API tokens page, for its coordinators: list, make (the secret shown once),
revoke with a confirmation."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from citypeers.api.forms import ApiTokenForm
from citypeers.api.models import ApiToken
from citypeers.api.selectors.tokens import token_of, tokens_of
from citypeers.api.services import api_token_create, api_token_revoke
from citypeers.core.http import permission_required
from citypeers.programmes.models import Programme


def _programme(slug: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=slug)


@permission_required("api.manage_tokens", _programme)
def token_list(request: HttpRequest, slug: str, obj: Programme) -> HttpResponse:
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    secret = None
    if request.method == "POST" and form.is_valid():
        token, secret = api_token_create(
            programme=obj,
            name=form.cleaned_data["name"],
            expires_at=form.expires_at,
            by=request.user,
        )
        messages.success(request, _("Token “%(name)s” made.") % {"name": token.name})
        form = ApiTokenForm()
    context = {
        "programme": obj,
        "tokens": tokens_of(programme=obj),
        "form": form,
        "secret": secret,
        "now": timezone.now(),
    }
    response = render(request, "api/tokens.html", context, status=400 if form.errors else 200)
    add_never_cache_headers(response)  # the secret is shown once, and never kept by a cache
    return response


@permission_required("api.manage_tokens", _programme)
def token_revoke(request: HttpRequest, slug: str, pk: int, obj: Programme) -> HttpResponse:
    try:
        token = token_of(programme=obj, pk=pk)
    except ApiToken.DoesNotExist as error:
        raise Http404 from error
    if request.method == "POST":
        api_token_revoke(token=token, by=request.user)
        messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
        return redirect("api_tokens:list", slug=obj.slug)
    return render(request, "api/token_revoke.html", {"programme": obj, "token": token})
