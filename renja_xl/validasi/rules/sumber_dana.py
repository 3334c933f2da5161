"""Rules on the Sumber Dana column: filled, recognised, and consistent with the children."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from itertools import compress

from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.funding import FundingSources, default_sources
from renja_xl.validasi.rule import Problem, rule

_ROWS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


def _sources(ctx: TabelContext) -> FundingSources:
    return ctx.shared(
        "sumber_dana.sources",
        lambda: default_sources().with_extra(ctx.config.extra_sumber_dana),
    )


def _parser(ctx: TabelContext) -> Callable[[str], tuple[set[str], list[str]]]:
    """`FundingSources.parse`, remembered per text (the same few texts repeat)."""
    return ctx.shared("sumber_dana.parse", lambda: cache(_sources(ctx).parse))


@rule("sumber_dana.empty", Severity.WARNING)
def empty(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in year N names no sumber dana."""
    message = (
        f"Sub kegiatan dianggarkan pada tahun {ctx.renja.tahun} tetapi sumber dananya kosong."
    )
    pagu, sumber_dana = ctx.column("pagu"), ctx.column("sumber_dana")
    blank = {text for text in set(sumber_dana) if not text.strip(" -")}  # each text once
    empty_rows = [i for i in ctx.indices(Level.SUB_KEGIATAN) if pagu[i] and sumber_dana[i] in blank]
    for i in empty_rows:
        yield ctx.problem(
            i, "sumber_dana", message,
            expected="sumber dana (mis. APBD)", actual=None,
        )


@rule("sumber_dana.unknown", Severity.WARNING)
def unknown(ctx: TabelContext) -> Iterator[Problem]:
    """A sumber dana that is not a recognised source."""
    parse, sumber_dana = _parser(ctx), ctx.column("sumber_dana")
    indices = ctx.indices(*_ROWS)
    odd = {text for text in set(map(sumber_dana.__getitem__, indices)) if parse(text)[1]}
    if not odd:  # each distinct text is parsed once; most plans name only known sources
        return
    for i in indices:
        if sumber_dana[i] not in odd:
            continue
        _, unrecognised = parse(sumber_dana[i])
        baris = ctx.tabel.baris[i]
        names = ", ".join(f'"{u}"' for u in unrecognised)
        yield ctx.problem(
            baris, "sumber_dana",
            f"Sumber dana {names} tidak dikenal (yang dikenal mis. APBD, APBD Provinsi, "
            "APBN, DAK, DAK Fisik, DAK Non Fisik, DBH, DID, BLUD, Otsus).",
            expected="sumber dana yang dikenal", actual=baris.sumber_dana,
        )


def _used(ctx: TabelContext) -> dict[int, frozenset[str]]:
    """Kegiatan and program index → the sumber dana texts of the budgeted sub kegiatan below.

    A kegiatan's children are the sub kegiatan rows right below it, and a kegiatan's
    parent is a program (`TabelContext.parents`), so two steps reach every row the
    rule checks. Frozen sets, so that each is hashed once where the rule remembers
    its comparisons.
    """
    parents, pagu, sumber_dana = ctx.parents, ctx.column("pagu"), ctx.column("sumber_dana")
    used: dict[int, frozenset[str]] = {}
    for index in ctx.indices(Level.KEGIATAN):
        if ctx.hierarchy.has_children(index):
            below = slice(index + 1, ctx.last[index] + 1)
            texts = frozenset(compress(sumber_dana[below], pagu[below]))  # the budgeted ones
            if texts:
                used[index] = texts
    programs: dict[int, set[str]] = {}
    for index, texts in used.items():
        program = parents[index]
        if program is not None:
            programs.setdefault(program, set()).update(texts)
    used.update((program, frozenset(texts)) for program, texts in programs.items())
    return used


@rule("sumber_dana.parent_inconsistent", Severity.WARNING)
def parent_inconsistent(ctx: TabelContext) -> Iterator[Problem]:
    """A program or kegiatan names fewer sumber dana than its sub kegiatan use."""
    sources = _sources(ctx)
    parse = _parser(ctx)
    texts = _used(ctx)

    @cache
    def compare(named_text: str, used_texts: frozenset[str]) -> tuple[list[str], str]:
        named, _ = parse(named_text)
        used: set[str] = set()
        for text in used_texts:
            used |= parse(text)[0]
        missing = sorted(s for s in used if not sources.covers(named, s))
        return missing, ", ".join(sorted(named | used))

    sumber_dana, levels = ctx.column("sumber_dana"), ctx.levels
    for index in sorted(texts):  # programs and kegiatan with budgeted sub kegiatan below
        missing, expected = compare(sumber_dana[index], texts[index])
        if missing:
            named_text = sumber_dana[index].strip()
            state = f'menyebut "{named_text}"' if named_text else "kosong"
            also = " juga" if named_text else ""
            yield ctx.problem(
                index, "sumber_dana",
                f"Sumber dana {levels[index].label.lower()} {state}, padahal sub kegiatan di "
                f"bawahnya{also} memakai {', '.join(missing)}.",
                expected=expected, actual=sumber_dana[index] or None,
            )
