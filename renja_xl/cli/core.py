"""Commands `contoh`, `hitung` and `ringkasan`.

Like every command module, it imports at the top only what the help screen needs;
each command imports the library parts it uses when it runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from renja_xl.cli.output import SHOWN, console, more, teks
from renja_xl.errors import RenjaError
from renja_xl.money import format_rupiah, json_text

if TYPE_CHECKING:
    from rich.table import Table

    from renja_xl.summary import RingkasanTabel
    from renja_xl.workbook.subtotals import Blocked, CellUpdate

EXAMPLE_NAME = "renja_dharmasraya_2022.xlsx"

FileArg = Annotated[
    Path, typer.Argument(help="Berkas Excel (.xlsx) berisi Tabel 3.1 dan/atau 4.1.")
]
_PAKSA_HELP = "Tidak diperlukan lagi (berkas apa pun disunting tanpa kehilangan isi); diterima " \
    "agar skrip lama tetap jalan."


def contoh(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan.")] = Path("keluaran"),
    kertas: Annotated[str, typer.Option(help="Ukuran kertas cetak: A4 atau F4.")] = "A4",
) -> None:
    """Tulis contoh nyata (Renja DINSOSP3APPKB Kab. Dharmasraya 2022) sebagai workbook."""
    from renja_xl.example import load_example
    from renja_xl.workbook.writer import write

    folder.mkdir(parents=True, exist_ok=True)
    renja = load_example()
    path = write(renja, folder / EXAMPLE_NAME, paper=kertas.upper())
    sizes = ", ".join(f"{t.sheet}: {len(t)} baris" for t in renja.tabel)
    console.print(f"Contoh ditulis: [bold]{teks(path)}[/] ({sizes})")


def _change_table(updates: list[CellUpdate]) -> Table:
    from rich.table import Table

    table = Table(title=f"Sel yang diperbaiki ({len(updates)})", title_justify="left",
                  caption=more(len(updates)), caption_justify="left", show_lines=False)
    for heading, justify in (("Sheet", "left"), ("Sel", "left"), ("Tingkat", "left"),
                             ("Uraian", "left"), ("Semula", "right"), ("Menjadi", "right")):
        table.add_column(heading, justify=justify)  # type: ignore[arg-type]
    for u in updates[:SHOWN]:
        kind = " (rumus dipulihkan)" if u.restored else " (rumus)" if u.is_formula else ""
        new = format_rupiah(u.new) + kind
        table.add_row(teks(u.sheet), u.ref, u.level.label, teks(u.uraian[:60]),
                      format_rupiah(u.old), new)
    return table


def _print_restored(updates: list[CellUpdate]) -> None:
    restored = [u for u in updates if u.restored]
    if restored:
        cells = ", ".join(f"{teks(u.sheet)}!{u.ref}" for u in restored[:SHOWN])
        cells += f" {more(len(restored))}" if more(len(restored)) else ""
        console.print(f"Rumus SUBTOTAL dipulihkan di {cells}: angka yang diketik di sana "
                      "terhitung dua kali oleh SUBTOTAL di atasnya.")


def _print_blocked(blocked: list[Blocked]) -> None:
    console.print(f"[bold]{len(blocked)} subtotal tidak dihitung[/] karena ada sel pagu yang "
                  "tidak terbaca (#REF! atau teks) di bawahnya; sel itu dibiarkan apa adanya:")
    for b in blocked[:SHOWN]:
        where = f"{teks(b.sheet)}!{b.ref}" if b.ref else teks(b.sheet)
        cells = ", ".join(b.cells[:5]) + (f" {more(len(b.cells), 5)}" if more(len(b.cells), 5)
                                           else "")
        name = teks(b.uraian[:50])
        console.print(f"  {where} ({b.level.label} {name}): sel {cells} tidak terbaca")
    if more(len(blocked)):
        console.print(f"  {more(len(blocked))}")
    console.print("Perbaiki sel itu, lalu jalankan hitung lagi.")


def hitung(
    berkas: FileArg,
    paksa: Annotated[bool, typer.Option("--paksa", help=_PAKSA_HELP, hidden=True)] = False,
    coba: Annotated[bool, typer.Option("--coba", help="Hanya tampilkan perubahan; berkas "
                                       "tidak diubah.")] = False,
    rumus: Annotated[bool, typer.Option("--rumus", help="Jadikan semua subtotal rumus "
                                        "SUBTOTAL yang ikut berubah saat angka diubah.")] = False,
) -> None:
    """Hitung ulang subtotal program, kegiatan dan JUMLAH, lalu perbaiki selnya di berkas.

    Subtotal yang bloknya memuat sel pagu tak terbaca (#REF!, teks) tidak dihitung dan
    didaftar; subtotal lainnya tetap diperbaiki. Kode keluar 0 bila semua subtotal benar
    atau sudah diperbaiki, 1 bila ada subtotal yang tidak dapat dihitung.
    """
    from renja_xl.workbook.editing import edit_cells
    from renja_xl.workbook.reader import load
    from renja_xl.workbook.subtotals import subtotal_plan

    renja = load(berkas, strict=False)
    try:
        plans = [subtotal_plan(tabel, live=rumus) for tabel in renja.tabel]
    except RenjaError as exc:
        raise exc.located(berkas) from None
    updates = [u for plan in plans for u in plan.updates]
    blocked = [b for plan in plans for b in plan.blocked]
    if not updates:
        console.print(f"Semua subtotal yang dapat dihitung di {teks(berkas.name)} sudah benar; "
                      "berkas tidak diubah." if blocked else
                      f"Semua subtotal di {berkas.name} sudah benar; berkas tidak diubah.")
    else:
        console.print(_change_table(updates))
        _print_restored(updates)
    if updates and coba:
        console.print(f"{len(updates)} sel perlu diperbaiki (mode --coba: berkas tidak diubah).")
    elif updates:
        backup = edit_cells(berkas, updates)
        console.print(f"{len(updates)} sel diperbaiki dan disimpan ke [bold]{teks(berkas)}[/].")
        if backup:
            console.print(f"Berkas asli disimpan sebagai cadangan: {backup.name}")
    if blocked:
        _print_blocked(blocked)
        raise typer.Exit(1)


def _print_table_summary(t: RingkasanTabel) -> None:
    from rich.table import Table

    c = t.counts
    console.print(f"\n[bold]Sheet '{teks(t.sheet)}'[/] (Tabel {t.layout}, tahun {t.year})")
    console.print(
        f"  {c.program} program, {c.kegiatan} kegiatan, {c.sub_kegiatan} sub kegiatan "
        f"({c.sub_kegiatan_budgeted} berpagu tahun {t.year}"
        + (f", {c.sub_kegiatan_budgeted_next} berpagu tahun {t.year + 1})" if t.layout == "3.1"
           else ")")
    )
    console.print(f"  Jumlah pagu {t.year}: {format_rupiah(c.total_pagu, prefix=True)}")
    if t.layout == "3.1":
        console.print(f"  Jumlah prakiraan maju {t.year + 1}: "
                      f"{format_rupiah(c.total_pagu_maju, prefix=True)}")
    for title, rows in (("Per bidang", t.per_bidang), ("Per program", t.per_program),
                        ("Per sumber dana", t.per_sumber_dana)):
        if not rows:
            continue
        table = Table(title=title, title_justify="left")
        table.add_column("Nama")
        table.add_column(f"Pagu {t.year}", justify="right")
        if t.layout == "3.1":
            table.add_column(f"Pagu {t.year + 1}", justify="right")
        for s in rows:
            cells = [teks(s.nama[:70]), format_rupiah(s.pagu)]
            if t.layout == "3.1":
                cells.append(format_rupiah(s.pagu_maju))
            table.add_row(*cells)
        console.print(table)


def ringkasan(
    berkas: FileArg,
    as_json: Annotated[bool, typer.Option("--json", help="Cetak sebagai JSON.")] = False,
) -> None:
    """Jumlah program/kegiatan/sub kegiatan dan total pagu, plus kalimat untuk BAB III."""
    from renja_xl.summary import summarize
    from renja_xl.workbook.reader import load

    summary = summarize(load(berkas))
    if as_json:
        data = {"file": str(berkas), **summary.to_json()}
        typer.echo(json_text(data))
        return
    renja = summary.renja
    opd = teks(renja.opd_singkat or renja.opd)
    console.print(f"[bold]Ringkasan Renja {opd} {teks(renja.pemda)} tahun {renja.tahun}[/]")
    for table in summary.tables:
        _print_table_summary(table)
    console.print("\n[bold]Kalimat BAB III:[/]")
    console.print(teks(summary.sentence))
