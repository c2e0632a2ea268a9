"""Editors' uploads reach the page while developing: `make run` serves MEDIA_ROOT (production: the proxy)."""


def test_an_uploaded_picture_is_served_while_developing(client, debug_urls):
    (debug_urls / "news").mkdir()
    (debug_urls / "news" / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/news/bild.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert client.get("/media/news/fehlt.png").status_code == 404


def test_production_leaves_the_uploads_to_the_proxy(client, settings, tmp_path):
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/media/bild.png").status_code == 404
