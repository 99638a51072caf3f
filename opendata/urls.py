"""The downloads of a search's results, beside the search page they come from."""

from django.urls import path

from opendata import downloads

app_name = "opendata"
urlpatterns = [
    path("export.csv", downloads.export_csv, name="export_csv"),
    path("export.json", downloads.export_json, name="export_json"),
]
