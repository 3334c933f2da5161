"""The `renja-xl` command: a thin shell over the library, in Bahasa Indonesia.

Each command lives in its own module in this package and is registered in
`_COMMANDS` below; none holds business logic. Every `RenjaError` becomes one
line on stderr and exit code 2; nothing unexpected ever prints a traceback.

The console script owns its process, so `main` (and only `main`: the library never
touches process-wide state, see tests/test_host_state.py) sets the garbage collector
for a command that builds its rows once and then ends, as mypy does for its own.
"""

from __future__ import annotations

import gc
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


_COLLECT_AFTER = 100_000
"""New objects between two collections (Python's default: 700). A command's rows live
until it ends, so collecting every 700 objects walks them again and again (0.05 s of
`ringkasan` on 10,000 rows); still collected, so a long `server` run stays bounded."""


def main() -> None:
    """Entry point of the `renja-xl` console script."""
    from renja_xl.cli.output import run_app

    gc.set_threshold(_COLLECT_AFTER)
    try:
        run_app(app)
    finally:
        # The process ends here: what it made is left to the operating system instead of
        # the collector walking and freeing every module, class and row first.
        gc.freeze()
