#!/usr/bin/env bash
# Menyiapkan semua yang dibutuhkan renja_xl dan tesnya; aman dijalankan berulang kali.
#
#   1. Python >= 3.11: yang sedang aktif (virtualenv, $PYTHON, atau python3). Python sistem
#      yang "externally managed" (Debian 12 ke atas) tidak diubah: dibuatkan .venv di sini.
#   2. pip install -e ".[dev]" ke Python itu (dilewati bila pyproject.toml tidak berubah).
#   3. LibreOffice (soffice) untuk menghitung ulang rumus dalam tes: dipasang lewat apt-get
#      (libreoffice-calc-nogui) bila belum ada dan kita root (atau sudo tanpa kata sandi).
#   4. node dan npm (>= 18) untuk tes Pyodide (xlwings Lite): dipasang lewat apt-get bila
#      belum ada, dengan cara yang sama. Paket npm pyodide diunduh oleh tesnya sendiri.
#
# Python yang dipakai dicetak oleh scripts/python.sh; Makefile memakai yang sama.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf 'setup: %s\n' "$*" >&2; }
die() { say "GAGAL: $*"; exit 1; }

APT_UPDATED="${RENJA_APT_UPDATED:-0}"  # .ci/run may have run apt-get update already

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        sudo "$@"
    else
        return 1
    fi
}

can_apt() {
    command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null
}

apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        say "apt-get update"
        as_root apt-get update -qq
        APT_UPDATED=1
    fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "$@"
}

externally_managed() {
    "$1" - <<'EOF'
import sys, sysconfig, pathlib
in_venv = sys.prefix != sys.base_prefix
marker = pathlib.Path(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")
sys.exit(0 if marker.exists() and not in_venv else 1)
EOF
}

make_venv() {
    local base="$1"
    if ! "$base" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        can_apt || die "python3-venv belum terpasang; pasang dulu atau aktifkan virtualenv"
        local version
        version="$("$base" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        apt_install "python${version}-venv"
        "$base" -m venv .venv
    fi
}

choose_python() {
    local python
    python="$(scripts/python.sh)"
    command -v "$python" >/dev/null 2>&1 || die "Python tidak ditemukan ($python); pasang Python 3.11 ke atas"
    "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "$python terlalu lama: renja_xl butuh Python 3.11 ke atas"
    if externally_managed "$python"; then
        say "$python dikelola sistem (PEP 668): memakai virtualenv .venv"
        make_venv "$python"
        python="$(scripts/python.sh)"
    fi
    printf '%s\n' "$python"
}

install_package() {
    local python="$1" stamp=build/.setup-stamp want
    want="$(cat pyproject.toml "$0" | cksum) $("$python" -c 'import sys; print(sys.prefix)')"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && "$python" -c 'import renja_xl, pytest, ruff' 2>/dev/null; then
        say "paket renja-xl sudah terpasang di $python"
        return
    fi
    "$python" -m pip --version >/dev/null 2>&1 || "$python" -m ensurepip --upgrade \
        || die "pip tidak tersedia untuk $python"
    say "pip install -e .[dev] ke $python"
    PIP_ROOT_USER_ACTION=ignore "$python" -m pip install --quiet --disable-pip-version-check -e ".[dev]"
    mkdir -p build
    printf '%s\n' "$want" >"$stamp"
}

install_libreoffice() {
    if command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1; then
        say "LibreOffice sudah ada"
        return
    fi
    if can_apt; then
        apt_install libreoffice-calc-nogui
        command -v soffice >/dev/null 2>&1 || die "libreoffice-calc-nogui terpasang tapi soffice tidak ada di PATH"
    else
        say "PERINGATAN: LibreOffice (soffice) tidak ada dan tidak dapat dipasang otomatis;"
        say "tes hitung ulang akan dilewati (atau gagal bila CI=true)."
    fi
}

install_node() {
    if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
        say "node dan npm sudah ada"
    elif can_apt; then
        apt_install nodejs npm
    else
        say "PERINGATAN: node/npm tidak ada dan tidak dapat dipasang otomatis;"
        say "tes Pyodide (xlwings Lite) akan dilewati (atau gagal bila CI=true)."
        return
    fi
    node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)' \
        || say "PERINGATAN: node $(node --version) terlalu lama untuk Pyodide (butuh 18 ke atas)"
}

main() {
    local python
    python="$(choose_python)"
    install_package "$python"
    install_libreoffice
    install_node
    say "siap: $python"
}

main "$@"
