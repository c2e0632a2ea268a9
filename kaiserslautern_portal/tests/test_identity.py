"""The site identity: one record editors change in the admin, read without a query, shown on the next page."""

import pytest
from allauth.mfa.adapter import get_adapter
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMultiAlternatives
from django.forms.models import model_to_dict

from kaiserslautern_portal.demo.loader import DemoContentError, load_identity
from kaiserslautern_portal.lib.cache import new_content_version
from kaiserslautern_portal.lib.identity import current
from kaiserslautern_portal.lib.identity.current import site_identity
from kaiserslautern_portal.lib.identity.models import SINGLETON_PK, SiteIdentity, contrast
from kaiserslautern_portal.lib.mail import render_message
from kaiserslautern_portal.models import LegalPage

pytestmark = pytest.mark.django_db

PLAIN_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#005a70"/></svg>'
)


def identity(**kwargs) -> SiteIdentity:
    kwargs.setdefault("city", "Musterstadt")
    return SiteIdentity.objects.create(pk=SINGLETON_PK, **kwargs)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    return client


def change_data(obj: SiteIdentity, **changes) -> dict:
    data = {name: value for name, value in model_to_dict(obj).items() if value is not None and name != "logo"}
    return data | changes


def test_contrast_follows_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#a3001b", "#ffffff") > 4.5 > contrast("#ff6b81", "#ffffff")


def test_the_defaults_are_valid_and_name_no_real_city():
    default = SiteIdentity()
    default.full_clean()
    assert default.name == "Digitale Stadt Beispielstadt"


@pytest.mark.parametrize(
    ("field", "colour"),
    [("colour_accent", "#ff6b81"), ("colour_link", "#999999"), ("colour_accent_dark", "#7a0014"),
     ("colour_link_dark", "#333333")],
)  # fmt: skip
def test_a_colour_without_aa_contrast_is_refused_with_the_ratio(field, colour):
    with pytest.raises(ValidationError) as error:
        SiteIdentity(**{field: colour}).full_clean()
    assert list(error.value.message_dict) == [field]
    assert "WCAG AA verlangt 4,5:1" in error.value.message_dict[field][0]


def test_a_colour_must_be_hex():
    with pytest.raises(ValidationError) as error:
        SiteIdentity(colour_accent="red").full_clean()
    assert "#rrggbb" in error.value.message_dict["colour_accent"][0]


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><a x:href="https://x.example"/></svg>',
        b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        b"<svg",
        # Animation can set a link after the attributes were checked; style sheets can load from outside.
        b'<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/></a></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><a><animate attributeName="href" values="javascript:x"/></a></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://x.example/a.css);</style></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:url( \'https://x.example/p\')"/></svg>',
        b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://x.example/p)"/></svg>',
    ],
)
def test_an_svg_logo_with_script_links_or_entities_is_refused(svg):
    with pytest.raises(ValidationError) as error:
        SiteIdentity(logo=SimpleUploadedFile("logo.svg", svg)).full_clean()
    assert "logo" in error.value.message_dict


def test_a_plain_svg_or_png_logo_passes_and_other_files_do_not():
    SiteIdentity(logo=SimpleUploadedFile("logo.svg", PLAIN_SVG)).full_clean()
    gradient = b'<svg xmlns="http://www.w3.org/2000/svg"><linearGradient id="g"/><rect fill="url(#g)"/></svg>'
    SiteIdentity(logo=SimpleUploadedFile("logo.svg", gradient)).full_clean()
    SiteIdentity(logo=SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n")).full_clean()
    with pytest.raises(ValidationError):
        SiteIdentity(logo=SimpleUploadedFile("logo.gif", b"GIF89a")).full_clean()


def test_pages_show_the_identity_and_read_it_without_a_query(client, django_assert_num_queries):
    identity(
        programme_name="Musterstadt vernetzt", logo_alt="Wappen von Musterstadt", signature="Stabsstelle Digitales"
    )
    html = client.get("/").content.decode()
    assert "<title>Startseite – Musterstadt vernetzt Musterstadt</title>" in html
    assert 'alt="Wappen von Musterstadt"' in html and "<p>Stabsstelle Digitales</p>" in html
    with django_assert_num_queries(0):
        assert site_identity().city == "Musterstadt"


def test_english_pages_show_the_english_texts_and_fall_back_to_german(client):
    identity(city_en="Sample Town", meta_description="Worum es geht.")
    html = client.get("/en/").content.decode()
    assert '<span class="brand__city">Sample Town</span>' in html
    assert '<meta name="description" content="Worum es geht.">' in html


def test_the_colours_are_a_stylesheet_of_their_own_kept_long_under_their_hash(client):
    saved = identity(colour_accent="#005a70", colour_link="#00495b")
    html = client.get("/").content.decode()
    assert f'<link rel="stylesheet" href="/identity.css?v={saved.colour_version}">' in html
    response = client.get(f"/identity.css?v={saved.colour_version}")
    assert response["Content-Type"] == "text/css"
    assert "--red: #005a70; --red-dark: #00495b;" in response.content.decode()
    assert "--chart-accent: #005a70; --chart-link: #00495b;" in response.content.decode()
    assert "immutable" in response["Cache-Control"]
    assert client.get("/identity.css?v=alt")["Cache-Control"] == "no-cache"


def test_a_new_stylesheet_is_a_new_address_though_the_colours_stay(monkeypatch):
    from kaiserslautern_portal.lib.identity import models

    saved = identity()
    before = saved.colour_version
    monkeypatch.setattr(models, "stylesheet_source", lambda: ":root { --another: red; }")
    assert SiteIdentity.objects.get(pk=saved.pk).colour_version != before


def test_the_impressum_names_the_operator_and_press_office(client):
    identity(
        operator_name="Stadt Musterstadt",
        operator_address="Rathausplatz 1\n12345 Musterstadt",
        operator_representative="den Bürgermeister",
        operator_email="digital@musterstadt.example",
        press_email="presse@musterstadt.example",
    )
    LegalPage.objects.create(kind="impressum", title="Impressum", body="Mehr Text.")
    html = client.get("/impressum/").content.decode()
    assert "<p>Stadt Musterstadt<br>Rathausplatz 1<br>12345 Musterstadt</p>" in html
    assert "den Bürgermeister" in html and "mailto:presse@musterstadt.example" in html


def test_emails_come_from_the_identity_sender_else_from_default_from_email(settings):
    settings.DEFAULT_FROM_EMAIL = "portal@example.org"
    message = render_message("subscription_confirm", to="a@example.org", language="de", context={"url": "/x"})
    assert message.from_email == "portal@example.org"
    current.forget()
    identity(sender_name="Musterstadt vernetzt", sender_email="nachrichten@musterstadt.example")
    message = render_message("subscription_confirm", to="a@example.org", language="de", context={"url": "/x"})
    assert isinstance(message, EmailMultiAlternatives)
    assert message.from_email == "Musterstadt vernetzt <nachrichten@musterstadt.example>"


def test_the_authenticator_app_names_the_identity():
    identity(totp_issuer="Musterstadt Login")
    assert get_adapter().get_totp_issuer() == "Musterstadt Login"


def test_another_process_sees_a_change_once_the_content_version_moves():
    identity()
    assert site_identity().city == "Musterstadt"
    SiteIdentity.objects.update(city_de="Neustadt")  # as another worker's save: no signal in this process
    assert site_identity().city == "Musterstadt"  # the copy holds until the next check
    new_content_version()
    current.COPY.check_at = 0  # the second has passed
    assert site_identity().city == "Neustadt"


def test_editors_change_the_one_identity_in_the_admin_and_the_next_page_shows_it(
    settings, client, editor_client, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300  # the page cache must let the change through at once
    saved = identity()
    assert "Musterstadt" in client.get("/").content.decode()
    assert (
        editor_client.get("/admin/identity/siteidentity/").url == f"/admin/identity/siteidentity/{SINGLETON_PK}/change/"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            f"/admin/identity/siteidentity/{SINGLETON_PK}/change/", change_data(saved, city_de="Neustadt")
        )
    assert response.status_code == 302
    html = client.get("/").content.decode()
    assert '<span class="brand__city">Neustadt</span>' in html and "Musterstadt" not in html


def test_the_admin_refuses_a_colour_without_contrast(editor_client):
    saved = identity()
    response = editor_client.post(
        f"/admin/identity/siteidentity/{SINGLETON_PK}/change/", change_data(saved, colour_accent="#ffcc00")
    )
    assert response.status_code == 200 and "WCAG AA verlangt 4,5:1" in response.content.decode()
    assert SiteIdentity.objects.get().colour_accent == "#a3001b"


def test_there_is_one_identity_nobody_adds_or_deletes(editor_client):
    assert editor_client.get("/admin/identity/siteidentity/add/").status_code == 403
    editor_client.get("/admin/identity/siteidentity/")  # opening the list creates the one record
    assert SiteIdentity.objects.count() == 1
    assert editor_client.get(f"/admin/identity/siteidentity/{SINGLETON_PK}/delete/").status_code == 403


def test_the_loader_validates_site_toml_through_the_model(tmp_path):
    (tmp_path / "site.toml").write_text('city_de = "Musterstadt"\ncolour_accent = "#ffcc00"\n')
    with pytest.raises(DemoContentError, match=r"site\.toml.*Kontrast"):
        load_identity(tmp_path)
    (tmp_path / "site.toml").write_text('city = "Musterstadt"\n')
    with pytest.raises(DemoContentError, match="unknown key"):
        load_identity(tmp_path)
    (tmp_path / "site.toml").write_text('city_de = "Musterstadt"\n')
    assert load_identity(tmp_path) == 1
    (tmp_path / "site.toml").write_text('city_de = "Neustadt"\n')
    assert load_identity(tmp_path) == 0  # what editors changed in the admin stays
    assert SiteIdentity.objects.get().city == "Musterstadt"


def test_the_loader_stores_the_logo_site_toml_names_and_refuses_a_bad_or_missing_one(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    for outside in ("../logo.svg", "/etc/hostname", 7):
        (tmp_path / "site.toml").write_text(f'city_de = "Musterstadt"\nlogo = {outside!r}\n'.replace("'", '"'))
        with pytest.raises(DemoContentError, match="must name a file in the content folder"):
            load_identity(tmp_path)
    (tmp_path / "site.toml").write_text('city_de = "Musterstadt"\nlogo = "logo.svg"\n')
    with pytest.raises(
        DemoContentError, match=r"site\.toml: logo = 'logo\.svg': No such file or directory: .*logo\.svg"
    ):
        load_identity(tmp_path)
    (tmp_path / "logo.svg").write_bytes(b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
    with pytest.raises(DemoContentError, match=r"logo\.svg: SiteIdentity: .*Das SVG enthält Skripte"):
        load_identity(tmp_path)
    assert not SiteIdentity.objects.exists()
    (tmp_path / "logo.svg").write_bytes(PLAIN_SVG)
    assert load_identity(tmp_path) == 1
    assert SiteIdentity.objects.get().logo.name == "identity/logo.svg"
    assert (tmp_path / "media" / "identity" / "logo.svg").read_bytes() == PLAIN_SVG
    SiteIdentity.objects.update(logo="identity/neu.png")  # as an editor's upload in the admin
    assert load_identity(tmp_path) == 0
    assert SiteIdentity.objects.get().logo.name == "identity/neu.png"
    assert [path.name for path in (tmp_path / "media" / "identity").iterdir()] == ["logo.svg"]  # stored once


def test_the_tab_icon_is_the_citys_logo_or_else_the_portals(client, settings, tmp_path):
    from django.templatetags.static import static

    settings.MEDIA_ROOT = tmp_path
    shipped = f'<link rel="icon" href="{static("img/favicon.svg")}" type="image/svg+xml">'
    assert shipped in client.get("/").content.decode()
    saved = identity()
    saved.logo.save("logo.png", SimpleUploadedFile("logo.png", b"\x89PNG\r\n\x1a\n"))
    new_content_version()
    current.forget()
    assert '<link rel="icon" href="/media/identity/logo.png" type="image/png">' in client.get("/").content.decode()
