"""Recognising sumber dana as staff type them."""

import pytest

from renja_xl.validasi.funding import default_sources, split_sources


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("APBD", {"APBD"}),
        ("apbd  prov", {"APBD Provinsi"}),
        ("APBD, DAK", {"APBD", "DAK"}),
        ("DAK Non Fisik / APBN", {"DAK Non Fisik", "APBN"}),
        ("APBD dan Otsus", {"APBD", "Otsus"}),
        ("APBD Kab/Kota", {"APBD"}),
        ("DBH-CHT", {"DBH"}),
    ],
)
def test_recognised_sources(text: str, known: set[str]) -> None:
    assert default_sources().parse(text) == (known, [])


def test_unrecognised_parts_are_returned_as_typed() -> None:
    assert default_sources().parse("APBD, dana aspirasi") == ({"APBD"}, ["dana aspirasi"])


def test_a_broader_source_covers_its_parts() -> None:
    sources = default_sources()
    assert sources.covers({"DAK"}, "DAK Fisik")
    assert sources.covers({"DAK"}, "BOS")
    assert not sources.covers({"APBD"}, "DAK")


def test_extra_sources_from_configuration() -> None:
    assert default_sources().with_extra(["PAD Lainnya"]).parse("pad lainnya")[1] == []


def test_empty_cell_names_nothing() -> None:
    assert split_sources("") == [] and split_sources(" - ") == []


def test_every_sumber_dana_of_the_shipped_sipd_exports_is_known() -> None:
    from tests.sipd.exports import APBD_2024, KUA_PPAS_2025, real_lines

    sources = default_sources()
    names = {str(r["NAMA SUMBER DANA"]) for path in (APBD_2024, KUA_PPAS_2025)
             for r in real_lines(path) if r["NAMA SUMBER DANA"]}
    assert len(names) >= 40
    assert [n for n in sorted(names) if sources.parse(n) != ({sources.recognise(n)}, [])] == []
    assert None not in {sources.recognise(n) for n in names}


def test_an_official_name_keeps_its_dan_and_slash_and_belongs_to_its_broad_source() -> None:
    sources = default_sources()
    name = "DAK Fisik-Bidang Kesehatan dan KB-Reguler-Pelayanan Kesehatan Dasar"
    assert sources.parse(f"{name}; DAK Non Fisik-Dana BOK-BOK Dinas-BOK Kabupaten/Kota") == (
        {name, "DAK Non Fisik-Dana BOK-BOK Dinas-BOK Kabupaten/Kota"}, [])
    assert sources.covers({"DAK Fisik"}, name) and sources.covers({"DAK"}, name)
    assert sources.covers({"DAU"}, "DAU yang Ditentukan Penggunaannya Bidang Pendidikan")
    assert sources.covers({"PAD"}, "Retribusi Pelayanan Kesehatan di Puskesmas")
    assert sources.covers({"APBD"}, sources.recognise("PENDAPATAN ASLI DAERAH (PAD)"))
    assert not sources.covers({"DAU"}, name)
    assert sources.codes["Dana Transfer Umum-Dana Alokasi Umum"] == (
        "1.2.01.01.02", "2.2.01.01.02")
