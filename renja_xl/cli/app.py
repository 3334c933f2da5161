"""The `renja-xl` command: a thin shell over the library, in Bahasa Indonesia.

Each command lives in its own module in this package and is registered in
`_COMMANDS` below; none holds business logic. Every `RenjaError` becomes one
line on stderr and exit code 2; nothing unexpected ever prints a traceback.
"""

from __future__ import annotations

import importlib

import typer

from renja_xl.cli.bahasa import (
    OPTIONS_METAVAR,
    SUBCOMMAND_METAVAR,
    IndonesianCommand,
    IndonesianGroup,
)

# Every help screen is Indonesian: see renja_xl.cli.bahasa.
app = typer.Typer(
    name="renja-xl",
    help="Renja XL: Tabel 3.1 dan 4.1 Renja Perangkat Daerah — baca, hitung, validasi.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["--help", "-h"]},
    cls=IndonesianGroup,
    options_metavar=OPTIONS_METAVAR,
    subcommand_metavar=SUBCOMMAND_METAVAR,
)

# (module in renja_xl.cli, function name, command name). Add one line per command.
_COMMANDS: list[tuple[str, str, str]] = [
    ("core", "contoh", "contoh"),
    ("core", "hitung", "hitung"),
    ("core", "ringkasan", "ringkasan"),
    ("prakiraan", "isi_prakiraan", "isi-prakiraan"),
    ("excel", "server", "server"),
    ("excel", "pasang_makro", "pasang-makro"),
    ("validasi", "validasi", "validasi"),
    ("isi_kode", "isi_kode", "isi-kode"),
    ("bulk", "buat_tahun_depan", "buat-tahun-depan"),
    ("bulk", "rekap", "rekap"),
    ("sipd", "impor_sipd", "impor-sipd"),
]


def _register() -> None:
    for module_name, function_name, command_name in _COMMANDS:
        module = importlib.import_module(f"renja_xl.cli.{module_name}")
        app.command(command_name, cls=IndonesianCommand)(getattr(module, function_name))


_register()


def main() -> None:
    """Entry point of the `renja-xl` console script."""
    from renja_xl.cli.output import run_app

    run_app(app)
