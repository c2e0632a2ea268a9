"""Failed logins are limited per client address and per account from that address: a stranger who guesses an
editor's password locks out only themselves."""

import pytest
from allauth.account.models import EmailAddress

pytestmark = pytest.mark.django_db

A, B = "203.0.113.9", "198.51.100.4"
LIMITED = "Zu viele gescheiterte Anmeldeversuche"


def log_in(client, email, password, address):
    return client.post("/konto/login/", {"login": email, "password": password}, REMOTE_ADDR=address)


def test_five_failures_from_one_address_do_not_lock_the_editor_out_elsewhere(client, editor):
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    for _attempt in range(5):
        assert LIMITED not in log_in(client, editor.email, "wrong-password", A).content.decode()
    assert LIMITED in log_in(client, editor.email, "bob-secret-123", A).content.decode()
    assert "_auth_user_id" not in client.session

    response = log_in(client, editor.email, "bob-secret-123", B)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_one_address_is_limited_across_accounts(client, editor, citizen, outsider):
    for attempt in range(10):
        account = (editor, citizen, outsider)[attempt % 3]
        log_in(client, account.email, "wrong-password", A)
    assert LIMITED in log_in(client, "someone@example.org", "wrong-password", A).content.decode()
    assert LIMITED not in log_in(client, "someone@example.org", "wrong-password", B).content.decode()


def test_a_successful_login_does_not_reset_the_count_of_an_address(client, editor):
    for _attempt in range(4):
        log_in(client, editor.email, "wrong-password", A)
    assert log_in(client, editor.email, "bob-secret-123", A).status_code == 302
    client.logout()
    log_in(client, editor.email, "wrong-password", A)
    assert LIMITED in log_in(client, editor.email, "bob-secret-123", A).content.decode()
