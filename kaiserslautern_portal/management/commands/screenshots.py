import threading
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from PIL import Image

from kaiserslautern_portal.tests.browser import CHROMIUM, CHROMIUM_ARGS
from news.models import NewsItem
from projects.models import Project

WIDTHS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1366, "height": 900}}


def shrink(path: Path) -> None:
    """256 colours are plenty for flat pages and charts, and make each PNG a fraction of its size."""
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=256)
    small.save(path, optimize=True)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class Command(BaseCommand):
    help = "Screenshots of the start page, a project page and a news page at 375 and 1366 px (for the README)."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(settings.BASE_DIR / "docs" / "screenshots"))
        parser.add_argument("--full-page", action="store_true", help="The whole page instead of the first screen.")

    def handle(self, *args, out, full_page, **options):
        from playwright.sync_api import sync_playwright

        project = max(
            Project.objects.published(),
            key=lambda p: (p.date_changes.count(), p.milestones.count(), p.indicators.count()),
        )
        news = NewsItem.objects.public().filter(projects__isnull=False).first()
        pages = {"start": "/", "project": project.get_absolute_url(), "news": news.get_absolute_url()}
        server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
        server.set_app(StaticFilesHandler(get_wsgi_application()))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        Path(out).mkdir(parents=True, exist_ok=True)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for size, viewport in WIDTHS.items():
                    context = browser.new_context(viewport=viewport, locale="de-DE", color_scheme="light")
                    page = context.new_page()
                    for name, path in pages.items():
                        page.goto(base + path)
                        target = Path(out) / f"{name}-{size}.png"
                        page.screenshot(path=target, full_page=full_page)
                        shrink(target)
                        self.stdout.write(f"{target} ({target.stat().st_size // 1024} KB)")
                    context.close()
                browser.close()
        finally:
            server.shutdown()
