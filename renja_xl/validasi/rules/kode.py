"""Rules on the Kode column, against the packaged nomenclature (Kepmendagri)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from renja_xl.model import Baris, Level
from renja_xl.nomenklatur import Nomenklatur, default, kode_level, normalize_name, parent_kode
from renja_xl.nomenklatur.known import KnownCodes, known_codes
from renja_xl.nomenklatur.names import program_key
from renja_xl.validasi.cells import qualified_ref
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule

_LEVELS = {
    Level.BIDANG: {"urusan", "bidang_urusan"},
    Level.PROGRAM: {"program"},
    Level.KEGIATAN: {"kegiatan"},
    Level.SUB_KEGIATAN: {"sub_kegiatan"},
}
_LEVEL_WORDS = {
    "urusan": "urusan", "bidang_urusan": "bidang urusan", "program": "program",
    "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan",
}
_EXAMPLE = "1.06.04.2.01.0001"


@cache
def _nomenklatur() -> Nomenklatur:
    return default()


def _coded(ctx: TabelContext) -> list[tuple[int, Baris, str]]:
    """(index, row, kode) of the rows that carry a kode."""
    levels, rows = ctx.levels, ctx.tabel.baris
    return ctx.shared("kode.coded", lambda: [
        (index, rows[index], kode.strip())
        for index, kode in enumerate(ctx.column("kode"))
        if kode and kode.strip() and levels[index] in _LEVELS
    ])


def _shapes(ctx: TabelContext) -> list[str | None]:
    """For each coded row, what is wrong with its kode's shape (None: nothing)."""
    return ctx.shared("kode.shapes", lambda: [_format_problem(b, k) for _, b, k in _coded(ctx)])


def _well_formed(ctx: TabelContext) -> list[tuple[int, Baris, str]]:
    """The coded rows whose kode has the shape of a code at the row's level."""
    return ctx.shared("kode.well_formed", lambda: [
        coded for coded, shape in zip(_coded(ctx), _shapes(ctx), strict=True) if shape is None
    ])


def _format_problem(baris: Baris, kode: str) -> str | None:
    shape = kode_level(kode)
    if shape is None:
        return f"Kode \"{kode}\" tidak berbentuk kode nomenklatur (mis. {_EXAMPLE})."
    if shape not in _LEVELS[baris.level]:
        return (
            f"Kode \"{kode}\" berbentuk kode {_LEVEL_WORDS[shape]}, padahal baris ini "
            f"{baris.level.label.lower()}."
        )
    return None


@rule("kode.format", Severity.ERROR)
def format_(ctx: TabelContext) -> Iterator[Problem]:
    """A kode that does not have the shape of a nomenclature code at the row's level."""
    for (_, baris, kode), message in zip(_coded(ctx), _shapes(ctx), strict=True):
        if message:
            yield ctx.problem(baris, "kode", message, expected="U.BB.PP.K.KK.SSSS", actual=kode)


@rule("kode.unknown", Severity.WARNING)
def unknown(ctx: TabelContext) -> Iterator[Problem]:
    """A well-formed kode that is not in the packaged nomenclature nor in a list of known
    codes (codes observed in SIPD-RI exports, see `renja_xl.nomenklatur.known`)."""
    well_formed = _well_formed(ctx)
    if not well_formed:
        return  # a plan without kode never loads the nomenclature
    nomenklatur = _nomenklatur()
    lists = [_known(source) for source in ctx.config.extra_nomenklatur]
    checked = f"nomenklatur {nomenklatur.version}"
    if lists:
        checked += " maupun " + ", ".join(k.label for k in lists)
    for _, baris, kode in well_formed:
        if nomenklatur.get(kode) is None and not any(kode in k for k in lists):
            yield ctx.problem(
                baris, "kode",
                f"Kode \"{kode}\" tidak ada dalam {checked}. Renja tahun {ctx.renja.tahun} "
                "bisa memakai nomenklatur yang lebih baru daripada yang dipaket; bila kode ini "
                "resmi, sebutkan daftar kodenya (mis. ekspor SIPD) dengan --nomenklatur.",
                expected="kode dalam nomenklatur", actual=kode,
            )


@cache
def _known(source: str) -> KnownCodes:
    return known_codes(source)


def _name_key(level: Level, name: str) -> str:
    normalized = normalize_name(name)
    return program_key(normalized) if level is Level.PROGRAM else normalized


@rule("kode.name_mismatch", Severity.WARNING)
def name_mismatch(ctx: TabelContext) -> Iterator[Problem]:
    """The kode's official name differs from the row's name beyond spelling and case."""
    well_formed = _well_formed(ctx)
    if not well_formed:
        return  # a plan without kode loads neither the nomenclature nor fuzzy matching
    from renja_xl.nomenklatur.similarity import similarity

    for _, baris, kode in well_formed:
        entry = _nomenklatur().get(kode)
        if entry is None:
            continue
        score = similarity(_name_key(baris.level, baris.uraian), _name_key(baris.level, entry.nama))
        if score < ctx.config.name_similarity:
            yield ctx.problem(
                baris, "uraian",
                f"Nama resmi kode {kode} adalah \"{entry.nama}\", bukan \"{baris.uraian}\".",
                expected=entry.nama, actual=baris.uraian,
            )


@rule("kode.parent_mismatch", Severity.ERROR)
def parent_mismatch(ctx: TabelContext) -> Iterator[Problem]:
    """A row's kode is not under the kode of the row it belongs to."""
    rows, parents = ctx.tabel.baris, ctx.parents
    for index, baris, kode in _coded(ctx):
        parent_index = parents[index]
        parent = rows[parent_index] if parent_index is not None else None
        parent_code = parent.kode.strip() if parent is not None else ""
        if not parent_code or kode_level(kode) is None or kode_level(parent_code) is None:
            continue
        if kode != parent_code and not kode.startswith(parent_code + "."):
            assert parent is not None
            where = qualified_ref(ctx.tabel, parent, "kode")
            yield ctx.problem(
                baris, "kode",
                f"Kode \"{kode}\" bukan turunan kode {parent.level.label.lower()} di "
                f"atasnya \"{parent_code}\" ({where}); "
                f"kode induknya seharusnya {parent_kode(kode)}.",
                expected=f"{parent_code}.…", actual=kode, related=where,
            )


@rule("kode.duplicate", Severity.ERROR)
def duplicate(ctx: TabelContext) -> Iterator[Problem]:
    """The same kode appears on more than one row of a table (a sub kegiatan may appear once
    per sub unit named in its Catatan, as SIPD-RI imports write it: `model.SUB_UNIT_NOTE`)."""
    first: dict[tuple[str, str], Baris] = {}
    for _, baris, kode in _coded(ctx):
        earlier = first.setdefault((kode, baris.sub_unit), baris)
        if earlier is not baris:
            where = qualified_ref(ctx.tabel, earlier, "kode")
            yield ctx.problem(
                baris, "kode",
                f"Kode \"{kode}\" sudah dipakai di {where} (\"{earlier.uraian}\").",
                expected="kode yang belum dipakai", actual=kode, related=where,
            )
