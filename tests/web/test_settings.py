"""Production configuration: secure defaults, and `check --deploy` clean when configured."""

import os
import subprocess
import sys

from django.conf import settings


def test_argon2_is_the_password_hasher_in_the_real_settings() -> None:
    from importlib import import_module

    real = import_module("safecomms.config.settings")
    assert real.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    names = [validator["NAME"] for validator in real.AUTH_PASSWORD_VALIDATORS]
    assert "django.contrib.auth.password_validation.CommonPasswordValidator" in names


def test_clickjacking_and_csp_headers_are_strict() -> None:
    assert settings.X_FRAME_OPTIONS == "DENY"
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_production_settings_pass_the_deploy_check_and_use_host_cookies(tmp_path) -> None:
    env = {
        **os.environ,
        "SAFECOMMS_ENV": "production",
        "SECRET_KEY": "x" * 64 + "production-grade-secret-key-for-the-check",
        "AUDIT_HMAC_KEY": "another-long-secret-kept-outside-the-database",
        "ALLOWED_HOSTS": "safecomms.council.example",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "SAFECOMMS_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "safecomms.config.settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    cookie = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; print(s.SESSION_COOKIE_NAME, s.SESSION_COOKIE_SECURE, s.DEBUG)",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert cookie.stdout.split() == ["__Host-sessionid", "True", "False"]


def test_production_refuses_to_start_without_its_secrets(tmp_path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "AUDIT_HMAC_KEY"}
    }
    env.update(
        {
            "SAFECOMMS_ENV": "production",
            "SAFECOMMS_VAR_DIR": str(tmp_path),
            "DJANGO_SETTINGS_MODULE": "safecomms.config.settings",
        }
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
