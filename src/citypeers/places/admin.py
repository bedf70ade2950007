from django.contrib import admin

from citypeers.places.models import Place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "kind", "population"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    readonly_fields = ["geonames_id"]
