"""factcheck: reconcile what different news sources claim about the same events."""

import os

# Models come from installed packages or local folders, never from a hub: this must be set
# before anything imports huggingface_hub, which reads it once at import time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# Library progress bars and notices would mix into factcheck's own output.
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")

from importlib.metadata import PackageNotFoundError, version  # noqa: E402

try:
    __version__ = version("factcheck")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
