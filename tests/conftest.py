"""Hypothesis profiles: a fast one for local runs, a thorough one that CI selects.

Neither has a deadline or the too-slow health check: both measure the machine's speed, which
on a shared, busy machine says nothing about the code (the benchmark checks speed).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci", max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
