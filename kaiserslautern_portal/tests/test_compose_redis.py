"""docker-compose: a bounded cache that may evict, and a broker that never drops a queued task."""

from pathlib import Path

import yaml

COMPOSE = yaml.safe_load((Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def test_the_cache_redis_has_a_memory_limit_and_evicts_least_recently_used_keys():
    command = SERVICES["redis"]["command"]
    assert "--maxmemory " in command
    assert "--maxmemory-policy allkeys-lru" in command


def test_the_broker_lives_in_its_own_redis_that_never_evicts_and_keeps_its_queue_on_disk():
    command = SERVICES["broker"]["command"]
    assert "--maxmemory-policy noeviction" in command
    assert "--appendonly yes" in command
    assert SERVICES["broker"]["volumes"]


def test_every_portal_process_uses_the_cache_and_the_broker_apart():
    for name in ("web", "worker", "beat", "migrate"):
        environment = SERVICES[name]["environment"]
        assert environment["REDIS_URL"].startswith("redis://redis:")
        assert environment["CELERY_BROKER_URL"].startswith("redis://broker:")
