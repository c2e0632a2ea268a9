"""Sign-up, password reset and subscription take the same time for a known and an unknown address: the same work
runs in both cases (one password hash on sign-up), and the medians of real requests agree."""

import statistics
import time

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher, PBKDF2PasswordHasher

from .helpers import make_subscription, subscribe_data

pytestmark = pytest.mark.django_db

PASSWORD = "kaiserslautern-2026!"
ROUNDS = 5


class CountingHasher(MD5PasswordHasher):
    algorithm = "counting_md5"
    encoded = 0

    def encode(self, password, salt):
        CountingHasher.encoded += 1
        return super().encode(password, salt)


class SlowHasher(PBKDF2PasswordHasher):
    """A tenth of Django's iterations: still the dominant cost of a sign-up, as in production, but quick to test."""

    algorithm = "pbkdf2_sha256_test"
    iterations = PBKDF2PasswordHasher.iterations // 10


def sign_up(client, email):
    return client.post("/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})


def reset(client, email):
    return client.post("/konto/password/reset/", {"email": email})


def subscribe(client, email):
    return client.post("/abonnieren/", subscribe_data(email=email))


@pytest.fixture
def known(django_user_model, settings):
    """Addresses with an account and a confirmed subscription, one per round (a repeated request does less)."""
    settings.MAIL_CAP_PER_ADDRESS = settings.MAIL_CAP_PER_HOUR = 1000
    settings.ACCOUNT_RATE_LIMITS = False  # many requests from one test client
    emails = [f"known-{n}@example.org" for n in range(ROUNDS + 1)]
    for email in emails:
        django_user_model.objects.create_user(email=email, password=PASSWORD)
        make_subscription(email=email)
    return emails


def test_a_sign_up_hashes_the_password_once_for_a_taken_address_as_for_a_new_one(client, known, settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    CountingHasher.encoded = 0
    assert sign_up(client, known[0])["Location"] == "/konto/confirm-email/"
    taken = CountingHasher.encoded
    client.logout()
    CountingHasher.encoded = 0
    assert sign_up(client, "new@example.org")["Location"] == "/konto/confirm-email/"
    assert taken == CountingHasher.encoded == 1


def seconds(client, send, email) -> float:
    started = time.perf_counter()
    response = send(client, email)
    duration = time.perf_counter() - started
    assert response.status_code == 302
    client.logout()
    return duration


@pytest.mark.parametrize("send", [sign_up, reset, subscribe], ids=["sign-up", "password reset", "subscription"])
def test_known_and_unknown_addresses_answer_in_the_same_time(client, known, settings, send):
    settings.PASSWORD_HASHERS = [f"{__name__}.SlowHasher"]
    seconds(client, send, "warm-up@example.org")  # first-request costs (templates, translations) count for neither
    # Alternating, so that a slow moment of the shared machine hits both sides alike.
    known_times, unknown_times = [], []
    for round_ in range(ROUNDS):
        known_times.append(seconds(client, send, known[round_ + 1]))
        unknown_times.append(seconds(client, send, f"new-{round_}@example.org"))
    ratio = statistics.median(unknown_times) / statistics.median(known_times)
    assert 0.5 < ratio < 2, (send.__name__, ratio, known_times, unknown_times)
