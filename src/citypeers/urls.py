from allauth.account.decorators import secure_admin_login
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from citypeers import views as site_views
from citypeers.core import urls as core_urls
from citypeers.core import views as core_views
from citypeers.library.opendata import urls as opendata_urls
from citypeers.library.opendata import views as opendata_views
from citypeers.library.sitemaps import SITEMAPS
from citypeers.people import views as people_views
from citypeers.programmes import urls as programmes_urls
from citypeers.visits.views import rooms as visits_rooms

# The admin has no log-in form of its own: everyone signs in through allauth, which
# rate-limits failed attempts; signed-in people who are not staff get 403.
admin.site.login = secure_admin_login(admin.site.login)
admin.site.site_header = _("citypeers administration")
admin.site.site_title = _("citypeers admin")

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    # Django's set_language, wrapped: it keeps the page and a signed-in person's choice.
    path("i18n/setlang/", people_views.language_switch, name="set_language"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # Machines read the API and the open data in no language: no language prefix.
    path("api/v1/", include("citypeers.api.urls")),
    path("data/", include("citypeers.library.opendata.urls")),
]
urlpatterns += i18n_patterns(
    # allauth's, wrapped against a double click (people.views.activate_totp).
    path("accounts/2fa/totp/activate/", people_views.activate_totp, name="mfa_activate_totp"),
    path("accounts/", include("allauth.urls")),
    path("", include("citypeers.people.urls")),
    # A person's home reads every app: the view is the project's, its name stays in programmes.
    # A programme's online rooms are checked by the rooms core in visits, which owns the page.
    path(
        "",
        include(
            (
                [
                    path("me/", site_views.me, name="dashboard"),
                    path(
                        "programmes/<slug:slug>/rooms/",
                        visits_rooms.programme_rooms,
                        name="rooms",
                    ),
                    # The licence of a programme's open data: the library's open data owns it.
                    path(
                        "programmes/<slug:slug>/open-data/",
                        opendata_views.programme_licence,
                        name="open_data",
                    ),
                    *programmes_urls.urlpatterns,
                ],
                "programmes",
            )
        ),
    ),
    path("", include("citypeers.catalogue.urls")),
    path("", include("citypeers.library.urls")),
    path("", include(opendata_urls.pages)),
    path("", include("citypeers.methodology.urls")),
    path("", include("citypeers.methodology.urls.planner")),
    path("", include("citypeers.visits.urls")),
    path("", include("citypeers.feedback.urls")),
    path("", include("citypeers.calls.urls")),
    path("", include("citypeers.reports.urls")),
    path("", include("citypeers.news.urls")),
    path("", include("citypeers.newsletter.urls")),
    path("", include("citypeers.api.urls.pages")),
    path("places/", include("citypeers.places.urls")),
    # The home page is the project's (it reads every app); it keeps its name, `core:home`.
    path("", include(([path("", site_views.home, name="home"), *core_urls.urlpatterns], "core"))),
    prefix_default_language=True,
)
