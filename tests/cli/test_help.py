"""Every help screen and usage error of `renja-xl`, read as a user reads it: no English."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from renja_xl.cli.app import app

# Words Typer and click print on their own, in English, unless told otherwise.
ENGLISH = (
    "Usage", "Show this message", "Options", "Arguments", "Commands", "OPTIONS", "COMMAND",
    "ARGS", "[default", "[required]", "env var", "deprecated", "Try '", "for help", "Error",
    "Aborted", "<bool>", "<path>", "<file>", "<dir>", "<str>", "<text>", "<int>", "<integer>",
    "<float", "range>", "list[",
)
# The value hints an option may show, all of them Indonesian.
HINTS = {"<angka>", "<teks>", "<berkas>", "<folder>", "<persen>", "<rupiah>", "<kode>",
         "<alamat>"}
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def help_screen(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "renja_xl", *map(str, args)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "COLUMNS": "200"},
    )


def it_registers_every_command_it_advertises() -> None:
    assert len(COMMANDS) >= 10 and {"hitung", "validasi", "rekap"} <= set(COMMANDS)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def it_shows_help_with_no_english_ui_words(command: str) -> None:
    screen = help_screen(*filter(None, [command]))
    assert [word for word in ENGLISH if word in screen] == []
    assert "Penggunaan: renja-xl" in screen and "Tampilkan bantuan ini lalu keluar." in screen
    assert "Opsi" in screen


@pytest.mark.parametrize("command", COMMANDS)
def it_hints_option_values_in_indonesian_only(command: str) -> None:
    hints = set(re.findall(r"<[^<>\s]+>", help_screen(command)))
    assert hints <= HINTS


def it_names_the_usage_parts_in_indonesian() -> None:
    assert "Penggunaan: renja-xl [OPSI] PERINTAH [ARGUMEN]..." in help_screen()
    assert "Penggunaan: renja-xl hitung [OPSI] {berkas}" in help_screen("hitung")
    assert "Penggunaan: renja-xl rekap [OPSI] {sumber}..." in help_screen("rekap")


def it_keeps_flags_without_a_value_hint() -> None:
    line = next(x for x in help_screen("hitung").splitlines() if "--coba" in x)
    assert "<" not in line


def it_tells_a_file_option_from_a_folder_option() -> None:
    screen = help_screen("buat-tahun-depan")
    assert re.search(r"--keluar\s+<folder>", screen) and re.search(r"--aturan\s+<berkas>", screen)
    assert re.search(r"--tahun\s+<angka>", screen) and re.search(r"--kenaikan\s+<persen>", screen)


def it_shows_the_real_command_help_in_indonesian() -> None:
    result = run("validasi", "--help")
    assert result.returncode == 0, result.stderr
    assert [word for word in ENGLISH if word in result.stdout] == []
    assert "Penggunaan: " in result.stdout  # the program is named `python -m renja_xl` here
    assert "validasi [OPSI] {berkas} [berkas2]" in result.stdout


@pytest.mark.parametrize("args", [
    ["hitung"],
    ["hitun"],
    ["ringkasan", "--jso", "x.xlsx"],
    ["ringkasan", "a.xlsx", "b.xlsx"],
    ["hitung", "--paksa=ya", "x.xlsx"],
    ["contoh", "--kertas"],
    ["server", "--port", "abc"],
    ["isi-kode", "x.xlsx", "--ambang", "10"],
    ["isi-kode", "x.xlsx", "--ambang", "101"],
    ["isi-kode", "x.xlsx", "--ambang", "banyak"],
    ["buat-tahun-depan", "x.xlsx", "--keluar", "hasil"],
    ["buat-tahun-depan", "x.xlsx", "--keluar", "hasil", "--tahun", "2024.5"],
])
def it_answers_a_wrong_invocation_in_one_indonesian_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Galat:"), result.stderr
    english = ("Usage", "Try", "Error", "Got ", "Possible", "Did you", "does not", "Input",
               "should", "valid", "Missing", "No such", "Invalid", "requires", "than")
    assert [word for word in english if word in lines[0]] == []
