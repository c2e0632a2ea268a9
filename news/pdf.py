"""PDF files of programme reports by WeasyPrint, where the system provides its libraries (Pango, see Dockerfile).

Without them the report page offers its print view instead and says why.
"""

from functools import cache

from django.contrib.staticfiles import finders


@cache
def weasyprint():
    """The WeasyPrint module, or None when it or Pango is missing (it raises OSError on import then)."""
    try:
        import weasyprint as module
    except (ImportError, OSError):
        return None
    return module


def pdf_available() -> bool:
    return weasyprint() is not None


def render_pdf(html: str) -> bytes:
    module = weasyprint()
    stylesheet = module.CSS(filename=finders.find("css/reports.css"))
    # No base URL: the print view names no resource that WeasyPrint would have to fetch over the network.
    return module.HTML(string=html).write_pdf(stylesheets=[stylesheet])
