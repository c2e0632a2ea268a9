from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from .current import site_identity


@require_GET
def stylesheet(request):
    """The identity's colours as CSS custom properties: a stylesheet of its own, as the CSP allows no inline style."""
    identity = site_identity()
    response = HttpResponse(render_to_string("identity.css", {"identity": identity}), content_type="text/css")
    # base.html links it with the colours' hash in the address: a known hash may be kept for a year.
    if request.GET.get("v") == identity.colour_version:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "no-cache"
    return response
