from django.http import JsonResponse
from django.views.decorators.cache import cache_control

from catalogue.format.schema import catalogue_schema


@cache_control(public=True, max_age=3600)
def schema_view(request):
    """The published JSON Schema of cni-catalogue/1."""
    response = JsonResponse(catalogue_schema(), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Type"] = "application/schema+json"
    return response
