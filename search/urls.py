from django.urls import path

from . import downloads, views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("suggest/", views.suggest, name="suggest"),
    path("export.csv", downloads.export_csv, name="export_csv"),
    path("export.json", downloads.export_json, name="export_json"),
]
