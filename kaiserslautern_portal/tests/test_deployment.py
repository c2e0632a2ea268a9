"""docker-compose.yml, read as Docker would (Docker cannot run on the build machines)."""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def published(service: dict) -> list[str]:
    """The host side of each published port, as "address:port" (Docker's default address is every interface)."""
    addresses = []
    for port in service.get("ports", []):
        if isinstance(port, dict):
            addresses.append(f"{port.get('host_ip', '0.0.0.0')}:{port.get('published')}")  # noqa: S104
            continue
        parts = str(port).split("/")[0].split(":")
        addresses.append(":".join(parts[:-1]) if len(parts) == 3 else f"0.0.0.0:{parts[0]}")
    return addresses


def test_gunicorn_is_not_published_on_any_public_interface():
    for name, service in compose()["services"].items():
        if "caddy" in service.get("image", ""):
            continue
        public = [address for address in published(service) if not address.startswith("127.0.0.1:")]
        assert public == [], f"{name} publishes {public}"


def test_the_site_is_reached_through_caddy_terminating_tls():
    services = compose()["services"]
    proxy = services["proxy"]
    assert proxy["image"].startswith("caddy:")
    assert {"0.0.0.0:80", "0.0.0.0:443"} <= set(published(proxy))
    mounted = [volume.split(":") for volume in proxy["volumes"]]
    caddyfile = next(ROOT / source for source, target, *_mode in mounted if target == "/etc/caddy/Caddyfile")
    config = caddyfile.read_text()
    assert "reverse_proxy web:8000" in config
    # Without trusted_proxies, Caddy replaces a client's X-Forwarded-For/-Proto instead of passing them on.
    assert "trusted_proxies" not in config
    assert "header_up X-Forwarded" not in config
    assert services["web"].get("ports") is None


def test_the_portal_trusts_exactly_the_one_proxy_in_front_of_it():
    web = compose()["services"]["web"]
    assert web["environment"]["TRUSTED_PROXY_COUNT"] == "1"
    assert web["environment"]["DJANGO_DEBUG"] == "0"


def test_the_proxy_serves_the_uploads_that_web_writes_and_lets_them_run_nothing():
    services = compose()["services"]
    web_media = next(volume for volume in services["web"]["volumes"] if volume.endswith(":/app/media"))
    assert f"{web_media.split(':')[0]}:/srv/media:ro" in services["proxy"]["volumes"]
    config = (ROOT / "deploy" / "Caddyfile").read_text()
    block = config[config.index("handle_path /media/*") :].split("}")[0]
    assert "root * /srv/media" in block and "file_server" in block
    assert "sandbox" in block and "nosniff" in block
