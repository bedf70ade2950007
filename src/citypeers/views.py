"""The project's own pages, above every app: the home page gathers what the apps offer."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from citypeers.programmes.selectors import programmes_list


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html", {"programmes": programmes_list()[:3]})
