"""The production settings plus one URL for the ceiling measurement; used by `make bench` only."""

from kaiserslautern_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
