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
