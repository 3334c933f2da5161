"""Commands `server` (the office server for the Excel buttons) and `pasang-makro`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from renja_xl.cli.output import console

__all__ = ["pasang_makro", "server"]


def server(
    host: Annotated[str, typer.Option(
        metavar="<alamat>", help="Alamat yang didengarkan (bawaan: hanya komputer ini).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Token yang wajib dikirim Excel (bawaan: variabel RENJA_TOKEN); wajib bila --host "
             "bukan 127.0.0.1/localhost.")] = None,
) -> None:
    """Jalankan server kantor untuk tombol Excel (Validasi, Hitung Subtotal, Isi Prakiraan Maju)."""
    from renja_xl.excel.server import serve

    token = token or os.environ.get("RENJA_TOKEN") or None
    console.print(f"Server Renja XL di http://{host}:{port} (token: "
                  f"{'wajib' if token else 'tidak dipakai'}). Hentikan dengan Ctrl+C.")
    serve(host, port, token)


def pasang_makro(
    berkas: Annotated[Path, typer.Argument(help="Workbook Renja (.xlsx).")],
    keluaran: Annotated[Path | None, typer.Option(
        "--keluaran", help="Berkas .xlsm tujuan (bawaan: nama yang sama berakhiran .xlsm).")
    ] = None,
    paksa: Annotated[bool, typer.Option(
        "--paksa", help="Simpan walau ada bagian berkas (gambar, grafik) yang akan hilang.")
    ] = False,
) -> None:
    """Buat salinan .xlsm bertab pita "Renja": Validasi, Hitung Subtotal, Isi Prakiraan Maju."""
    from renja_xl.excel.makro import MACRO_MODULE, install_macros

    target = install_macros(berkas, keluaran, force=paksa)
    console.print(f"Ditulis: [bold]{target}[/]. Sekali saja: buka berkas itu, tekan Alt+F11, "
                  f"File > Import File..., pilih {target.with_name(MACRO_MODULE)}, lalu simpan.")
