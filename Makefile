# Two entry points, each complete on a fresh machine: `make run` and `make test`.
# torch is installed first and pinned: the local CPU wheel; an unpinned torch pulls GBs of CUDA.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --quiet

.PHONY: run test clean-venv

run: $(VENV)/.run-deps
	$(VENV)/bin/briefs run seeds --out outputs

# Every test, the OCR ones included (rapidocr-onnxruntime, a dependency of the package, reads page
# images offline); `pytest -m "not ocr"` leaves out those that read several pages while editing.
test: $(VENV)/.test-deps
	$(PY) -m pytest -q

$(PY):
	$(PYTHON) -m venv $(VENV)

$(VENV)/.torch: | $(PY)
	$(PIP) install torch==2.13.0
	touch $@

$(VENV)/.run-deps: pyproject.toml $(VENV)/.torch
	$(PIP) install -e .
	touch $@

$(VENV)/.test-deps: pyproject.toml $(VENV)/.torch
	$(PIP) install -e '.[test,ct2,ray]'
	touch $@ $(VENV)/.run-deps

clean-venv:
	rm -rf $(VENV)
