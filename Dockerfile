# One image for web, Celery worker and beat; the command decides which.
FROM python:3.11-slim AS base

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# WeasyPrint (PDF files of the programme reports) needs Pango and a font from the system.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, in their own layer, so code changes do not reinstall them.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# collectstatic needs settings but no secrets or services: a throwaway key for the build only.
RUN DJANGO_DEBUG=0 DJANGO_SECRET_KEY=build-only-$(python -c "import secrets; print(secrets.token_urlsafe(48))") \
    DJANGO_ALLOWED_HOSTS=build python manage.py collectstatic --noinput -v0

RUN useradd --system --uid 10001 --home-dir /app portal \
    && mkdir -p /app/media && chown portal /app/media
USER portal

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"

ENV DJANGO_DEBUG=0
CMD ["gunicorn", "kaiserslautern_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-", "--forwarded-allow-ips", "*"]
