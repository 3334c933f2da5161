#!/usr/bin/env bash
# Mencetak Python yang dipakai renja_xl: virtualenv yang aktif, lalu .venv proyek ini,
# lalu $PYTHON, lalu python3. Dipakai bersama oleh scripts/setup.sh dan Makefile.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ -n "${VIRTUAL_ENV:-}" ] && [ -x "$VIRTUAL_ENV/bin/python" ]; then
    printf '%s\n' "$VIRTUAL_ENV/bin/python"
elif [ -x .venv/bin/python ]; then
    printf '%s\n' "$PWD/.venv/bin/python"
else
    printf '%s\n' "${PYTHON:-python3}"
fi
