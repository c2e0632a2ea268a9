"""News with sample figures say so in lists, on their page, in the feeds and in the API."""

import pytest

from conftest import make_news

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample_and_real():
    sample = make_news(title_de="Schulnetz: Zwischenstand", sample_values=True)
    real = make_news(title_de="Wettbewerb: Finale")
    return sample, real


def test_news_list_and_page_mark_the_item_with_sample_values(client, sample_and_real):
    sample, real = sample_and_real
    cards = client.get("/neuigkeiten/").content.decode().split('<li class="news-card')[1:]
    assert {("Zwischenstand" in card, "Beispielwerte" in card) for card in cards} == {(True, True), (False, False)}
    assert "dieser Meldung sind Demo-Inhalt" in client.get(sample.get_absolute_url()).content.decode()
    assert "Beispielwerte" not in client.get(real.get_absolute_url()).content.decode()


@pytest.mark.parametrize("url", ["/neuigkeiten/rss/", "/neuigkeiten/atom/"])
def test_feeds_mark_the_item_with_sample_values(client, sample_and_real, url):
    feed = client.get(url).content.decode()
    entries = feed.split("<item>" if "rss" in url else "<entry>")[1:]
    assert {("Zwischenstand" in entry, "Beispielwerte" in entry) for entry in entries} == {(True, True), (False, False)}


def test_news_api_and_root_carry_the_marker(client, sample_and_real):
    results = client.get("/api/v1/news/").json()["results"]
    assert {item["slug"]: item["sample_values"] for item in results} == {
        "schulnetz-zwischenstand": True,
        "wettbewerb-finale": False,
    }
    assert client.get("/api/v1/").json()["sample_values"]["news"] == 1
