from django.template.response import TemplateResponse


def search(request):
    """Reserved route; the Greek-aware search arrives with the search issue."""
    return TemplateResponse(request, "search/search.html", {"query": request.GET.get("q", "")})
