# renja_xl — dua perintah utama:
#   make contoh   menyiapkan semuanya, lalu menulis dan meringkas contoh Renja Dharmasraya 2022
#   make test     menyiapkan semuanya, lalu menjalankan seluruh tes (pytest)
# Persiapan (scripts/setup.sh) aman diulang: paket Python dan LibreOffice dipasang bila belum ada.

SHELL := bash
KELUARAN ?= keluaran
PYTEST_ARGS ?=

# Dievaluasi saat dipakai, sesudah setup: Python (dan .venv) yang dipilih scripts/python.sh.
PY = $(shell bash scripts/python.sh)
RENJA_XL = $(shell $(PY) -c 'import sysconfig; print(sysconfig.get_path("scripts"))')/renja-xl

.PHONY: setup contoh test lint

setup:
	bash scripts/setup.sh

contoh: setup
	$(RENJA_XL) contoh $(KELUARAN)/
	$(RENJA_XL) ringkasan $(KELUARAN)/renja_dharmasraya_2022.xlsx

test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(PY) -m ruff check .
