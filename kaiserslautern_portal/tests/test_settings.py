import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from kaiserslautern_portal.settings import envbool

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "k3y-for-tests-" + "x7Qp2Lm9Vb" * 6,
    "DJANGO_ALLOWED_HOSTS": "digital.kaiserslautern.example",
}


def manage(*args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="digital.kaiserslautern.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", **{**PRODUCTION, "DJANGO_SECRET_KEY": "secret"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", **{**PRODUCTION, "DJANGO_ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_deploy_check_reports_no_warnings_in_production():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_secret_key_can_come_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(PRODUCTION["DJANGO_SECRET_KEY"] + "\n")
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", DJANGO_SECRET_KEY_FILE=str(key_file), **env)
    assert result.returncode == 0, result.stderr


def test_envbool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "yes please")
    with pytest.raises(ImproperlyConfigured):
        envbool("SOME_FLAG", "0")


EMAIL_NAMES = "EMAIL_BACKEND EMAIL_HOST EMAIL_PORT EMAIL_HOST_USER EMAIL_HOST_PASSWORD EMAIL_USE_TLS EMAIL_USE_SSL"


def email_settings(**env):
    code = f"from django.conf import settings; print([getattr(settings, n) for n in {EMAIL_NAMES.split()!r}])"
    result = manage("shell", "--no-imports", "-c", code, **env)
    assert result.returncode == 0, result.stderr
    return dict(zip(EMAIL_NAMES.split(), eval(result.stdout), strict=True))  # noqa: S307 (our own output)


def test_email_host_switches_to_smtp_with_djangos_own_variables(tmp_path):
    password = tmp_path / "smtp-password"
    password.write_text("p@ss\n")
    assert email_settings(
        EMAIL_HOST="mail.example.org", EMAIL_PORT="587", EMAIL_HOST_USER="mailer",
        EMAIL_HOST_PASSWORD_FILE=str(password), EMAIL_USE_TLS="1",
    ) == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "mail.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "mailer",
        "EMAIL_HOST_PASSWORD": "p@ss",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
    }  # fmt: skip


def test_without_email_host_mails_go_to_the_console_and_ssl_means_port_465():
    assert email_settings()["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert email_settings(EMAIL_HOST="mail.example.org", EMAIL_USE_SSL="1")["EMAIL_PORT"] == 465
