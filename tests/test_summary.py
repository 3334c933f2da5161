"""Ringkasan and the BAB III sentence."""

from renja_xl.model import Renja
from renja_xl.summary import summarize


def it_writes_the_bab3_sentence_with_the_table_counts_and_the_amount_in_words(
    dharmasraya: Renja,
) -> None:
    sentence = summarize(dharmasraya).sentence
    assert "sebanyak 13 Program, 28 Kegiatan dan 86 Sub Kegiatan" in sentence
    assert "Rp 14.428.928.570,-" in sentence
    assert sentence.endswith(
        "(empat belas miliar empat ratus dua puluh delapan juta sembilan ratus dua puluh "
        "delapan ribu lima ratus tujuh puluh rupiah)."
    )


def it_totals_per_bidang_program_and_sumber_dana(dharmasraya: Renja) -> None:
    table = summarize(dharmasraya).tables[0]
    assert sum(b.pagu for b in table.per_bidang) == 14_428_928_570
    assert sum(p.pagu for p in table.per_program) == 14_428_928_570
    assert sum(p.pagu_maju for p in table.per_program) == 13_878_624_857
    sources = {s.nama: s.pagu for s in table.per_sumber_dana}
    assert sum(sources.values()) == 14_428_928_570
    assert set(sources) >= {"APBD", "DAK"}


def it_reports_the_json_fields_the_tools_rely_on(dharmasraya: Renja) -> None:
    tables = summarize(dharmasraya).to_json()["tables"]
    t31, t41 = tables
    assert t31["layout"] == "3.1" and t41["layout"] == "4.1"
    assert t31["total_pagu_maju"] == 13_878_624_857
    assert t41["total_pagu_maju"] is None and t41["sub_kegiatan_budgeted_next"] is None
    assert t41["sub_kegiatan_count"] == 86
