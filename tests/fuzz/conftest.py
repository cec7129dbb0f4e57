"""Hypothesis profiles of the fuzzing suite.

``FACTCHECK_FUZZ`` chooses one (default ``ci``):

* ``ci``: a fixed, bounded number of examples per property (the whole folder in well under a
  minute on two cores), ``derandomize`` so that every CI run tries the same inputs and a red
  build is reproducible, no example database.
* ``deep``: many more examples, new random inputs on every run, failures saved in the example
  database (``.hypothesis/``) and replayed first on the next run.

``FACTCHECK_FUZZ_EXAMPLES=N`` sets the number of examples of every property under either
profile. See docs/reliability-testing.md.

The profiles are applied per property (``fuzz_inputs.fuzz_settings``), not loaded globally, so
that collecting this folder leaves the other hypothesis tests of the suite as they are.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, Phase, settings

PROFILES = ("ci", "deep")

# Slow examples and large inputs are what a fuzzer is for; a filter that rejects often is
# how known crashes are set aside (fuzz_inputs.KNOWN_CRASHES).
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example]

settings.register_profile(
    "fuzz-ci",
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_HEALTH,
    # Shrinking stays on (a red build should show the smallest input, ready to paste as an
    # @example); explaining which lines only failing inputs ran adds minutes for little.
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink],
)
settings.register_profile(
    "fuzz-deep",
    max_examples=2000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=_HEALTH,
)


def pytest_configure(config):
    config.addinivalue_line("markers", "fuzz: property-based fuzzing (FACTCHECK_FUZZ=deep for long runs)")
    profile = os.environ.get("FACTCHECK_FUZZ", "ci")
    if profile not in PROFILES:
        raise pytest.UsageError(f"FACTCHECK_FUZZ={profile!r}: use one of {', '.join(PROFILES)}")


def pytest_report_header(config):
    profile = os.environ.get("FACTCHECK_FUZZ", "ci")
    examples = os.environ.get("FACTCHECK_FUZZ_EXAMPLES")
    return f"factcheck fuzzing profile: {profile}" + (f", {examples} examples per property" if examples else "")
