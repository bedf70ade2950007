from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from citypeers.people.forms import ProfileForm
from citypeers.people.models import User
from citypeers.people.services import user_update_profile


@login_required
def profile_edit(request: HttpRequest) -> HttpResponse:
    # The form validates a copy, so a rejected POST never changes the signed-in user object.
    form = ProfileForm(request.POST or None, instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        user_update_profile(user=request.user, by=request.user, data=form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("programmes:dashboard")
    return render(request, "people/profile_form.html", {"form": form})
