"""Schemathesis against the live schema: no answer may be a 5xx or differ from what the schema documents.

Every request carries a citizen's API token, so the personal endpoints (/api/v1/me/) are exercised for real; the
public ones ignore it. Anonymous access to the personal ones is tested in citizens/tests/test_api.py.
"""

import datetime
from unittest import mock

import pytest
import schemathesis
from allauth.account.models import EmailAddress
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from schemathesis.specs.openapi.checks import positive_data_acceptance

from conftest import make_field, make_milestone, make_news, make_project
from kaiserslautern_portal.wsgi import application

pytestmark = pytest.mark.django_db


# Loaded at collection (the schema touches no database), unthrottled: earlier runs may have used up the rate.
# schemathesis.pytest.from_fixture would load it per test, but 4.32 breaks on pytest 9 (it sets Function._nodeid).
with mock.patch.object(AnonRateThrottle, "THROTTLE_RATES", {"anon": None}):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def requests_keep_the_test_transaction():
    """As in Django's test client: the end of a request must not close the connection holding the test's data."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def programme(monkeypatch, requests_keep_the_test_transaction):
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "100000/min"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "100000/min"})
    field = make_field(name_de="Verkehr", name_en="Mobility", slug="verkehr")
    for n, status in enumerate(["planned", "in_progress", "paused"]):
        project = make_project(
            title_de=f"Projekt {n}", slug=f"projekt-{n}", field=field, status=status, progress=n * 30
        )
        make_milestone(project, due_date=datetime.date(2026, 1 + n, 1))
        make_milestone(project, due_date=datetime.date(2020, 1, 1), completed_on=datetime.date(2020, 2, 1))
    make_project(title_de="Entwurf", slug="entwurf", field=field, is_published=False)
    make_news(title_de="Meldung", slug="meldung", projects=[project])


@pytest.fixture
def token(citizen):
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    return Token.objects.create(user=citizen).key


@schema.parametrize()
@settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_api_answers_as_documented_and_never_with_a_server_error(case, programme, token):
    # Unknown slugs (`field=nonesuch`) fit the schema's "string" but are refused with 400, as issue 6 asks.
    case.call_and_validate(headers={"Authorization": f"Token {token}"}, excluded_checks=[positive_data_acceptance])
