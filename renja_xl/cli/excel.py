"""Commands `server` (the office server for the Excel buttons) and `pasang-makro`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from renja_xl.cli.output import console
from renja_xl.errors import RenjaError

__all__ = ["pasang_makro", "server"]


def server(
    host: Annotated[str, typer.Option(
        metavar="<alamat>", help="Alamat yang didengarkan (bawaan: hanya komputer ini).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    token: Annotated[str | None, typer.Option(
        help="Token yang wajib dikirim Excel (bawaan: variabel RENJA_TOKEN); wajib bila --host "
             "bukan 127.0.0.1/localhost.")] = None,
    sertifikat: Annotated[Path | None, typer.Option(
        "--sertifikat", metavar="<berkas>",
        help="Sertifikat TLS (berkas .pem): server memakai HTTPS (perlu untuk xlwings Lite "
             "dari PC lain).")
    ] = None,
    kunci: Annotated[Path | None, typer.Option(
        "--kunci", metavar="<berkas>", help="Kunci privat sertifikat TLS.")] = None,
) -> None:
    """Jalankan server kantor: tombol Excel (Validasi, Hitung Subtotal, Isi Prakiraan Maju,
    Isi Kode) dan paket renja_xl untuk xlwings Lite (/lite/requirements.txt)."""
    from renja_xl.excel.server import LICENCE_MISSING, licence_missing, serve

    token = token or os.environ.get("RENJA_TOKEN") or None
    if (sertifikat is None) != (kunci is None):
        raise RenjaError("--sertifikat dan --kunci harus diberikan bersama")
    scheme = "https" if sertifikat else "http"
    if licence_missing():
        console.print(f"[bold yellow]Peringatan:[/] {LICENCE_MISSING}")
    console.print(f"Server Renja XL di {scheme}://{host}:{port} (token: "
                  f"{'wajib' if token else 'tidak dipakai'}); untuk xlwings Lite: "
                  f"{scheme}://{host}:{port}/lite/requirements.txt. Hentikan dengan Ctrl+C.")
    serve(host, port, token, ssl_certfile=str(sertifikat) if sertifikat else None,
          ssl_keyfile=str(kunci) if kunci else None)


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
