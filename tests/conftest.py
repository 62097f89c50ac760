"""Hypothesis profiles: a fast one for local runs, a thorough one that CI selects.

Neither has a deadline: it measures the machine's speed, which on a shared, busy machine says
nothing about the code (the benchmark checks speed). Every health check stays on; without a
deadline, the one on slow generation allows 30 seconds for the first ten examples, which only a
truly slow strategy takes. Properties over whole datasets size their examples from the
profile's (see `WHOLE_DATASETS` in test_properties.py).
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("fast", max_examples=50, deadline=None)
settings.register_profile("ci", max_examples=400, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))
