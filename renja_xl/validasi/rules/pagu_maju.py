"""Rules on the prakiraan maju (year N+1) of Tabel 3.1."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from renja_xl.amounts import amount_text
from renja_xl.model import Level
from renja_xl.validasi.context import TabelContext
from renja_xl.validasi.finding import Severity
from renja_xl.validasi.rule import Problem, rule


@rule("pagu.maju_missing", Severity.WARNING)
def maju_missing(ctx: TabelContext) -> Iterator[Problem]:
    """A sub kegiatan budgeted in year N has no N+1 figure (Tabel 3.1)."""
    if not ctx.tabel.has_maju:
        return
    tahun, maju = ctx.renja.tahun, ctx.renja.tahun_maju
    pagu, pagu_maju, raw = ctx.column("pagu"), ctx.column("pagu_maju"), ctx.column("raw")
    missing = [
        i for i in ctx.indices(Level.SUB_KEGIATAN)
        if pagu[i] and pagu_maju[i] is None and "pagu_maju" not in raw[i]
    ]
    for i in missing:
        yield ctx.problem(
            i, "pagu_maju",
            f"Sub kegiatan dianggarkan {amount_text(pagu[i])} pada tahun "
            f"{tahun} tetapi prakiraan maju tahun {maju} kosong.",
            expected=f"pagu tahun {maju}", actual=None,
        )


@rule("pagu.maju_jump", Severity.WARNING)
def maju_jump(ctx: TabelContext) -> Iterator[Problem]:
    """The N+1 pagu of a sub kegiatan differs from year N by more than the allowed share."""
    if not ctx.tabel.has_maju:
        return
    share = ctx.config.maju_jump_share
    tahun, maju = ctx.renja.tahun, ctx.renja.tahun_maju
    pagu, pagu_maju = ctx.column("pagu"), ctx.column("pagu_maju")
    jumps = [  # budgeted in N (above zero) and N+1, changing by more than the share
        i for i in ctx.indices(Level.SUB_KEGIATAN)
        if (now := pagu[i]) and now > 0 and (later := pagu_maju[i]) is not None
        and abs((later - now) / now) > share
    ]
    for i in jumps:
        now, later = pagu[i], pagu_maju[i]
        change = (later - now) / now
        yield ctx.problem(
            i, "pagu_maju",
            f"Prakiraan maju tahun {maju} ({amount_text(later)}) "
            f"{'naik' if change > 0 else 'turun'} {abs(change):.0%} dari pagu tahun "
            f"{tahun} ({amount_text(now)}); batasnya {share:.0%}.",
            expected=f"{amount_text(round(now * (1 - Decimal(str(share)))))} – "
            f"{amount_text(round(now * (1 + Decimal(str(share)))))}",
            actual=later,
        )
