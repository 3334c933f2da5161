"""The pure-Python ratio gives rapidfuzz's exact float on every pair of texts."""

from __future__ import annotations

import random

import pytest

from renja_xl.example import load_example
from renja_xl.fuzzy import backend, pure_ratio, pure_ratios, ratio, ratios
from renja_xl.nomenklatur import default, normalize_name

fuzz = pytest.importorskip("rapidfuzz.fuzz")


def _texts(seed: int, alphabet: str, count: int, longest: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, longest)))
            for _ in range(count)]


def _official_names() -> list[str]:
    nomenklatur, names = default(), set()
    pending = [nomenklatur.get(urusan) for urusan in "123456789X"]
    while pending:
        entry = pending.pop()
        if entry is not None:
            names.add(normalize_name(entry.nama))
            pending.extend(nomenklatur.children(entry.kode))
    assert len(names) > 3000
    return sorted(names)


def _plan_names() -> list[str]:
    renja = load_example()
    return sorted({normalize_name(b.uraian) for t in renja.tabel for b in t.baris})


@pytest.mark.parametrize(("alphabet", "longest"), [
    ("ab", 12),             # few letters: long common subsequences, many ties
    ("abcde fgh", 80),      # crosses the 64-bit word boundary of the C++ code
    ("aéß漢 \u0300\U0001f600", 30),  # non-ASCII, combining marks and astral characters
    ("abcdefghijklmnopqrstuvwxyz ", 300),
])
def test_pure_ratio_equals_rapidfuzz_on_random_texts(alphabet, longest):
    texts = _texts(len(alphabet) * longest, alphabet, 3000, longest)
    pairs = list(zip(texts, texts[1:] + texts[:1], strict=True))
    differ = [(a, b) for a, b in pairs if pure_ratio(a, b) != fuzz.ratio(a, b)]
    assert differ == []


def test_pure_ratio_equals_rapidfuzz_between_plan_rows_and_official_names():
    officials, plan = _official_names(), _plan_names()
    rnd = random.Random(7)
    for query in rnd.sample(plan, 40) + rnd.sample(officials, 20):
        assert pure_ratios(query, officials) == [fuzz.ratio(query, o) for o in officials]


def test_empty_texts_are_identical_and_one_empty_text_shares_nothing():
    assert pure_ratio("", "") == fuzz.ratio("", "") == 100.0
    assert pure_ratio("", "abc") == fuzz.ratio("", "abc") == 0.0


def test_the_chosen_backend_gives_the_same_scores_as_the_pure_one():
    assert backend() == "rapidfuzz"  # installed with the dev extra; the pure path runs in
    texts = _texts(3, "abcdef ", 400, 40)  # tests/nomenklatur/test_without_rapidfuzz.py
    for query in texts[:20]:
        assert ratios(query, texts) == pure_ratios(query, texts)
        assert [ratio(query, t) for t in texts] == pure_ratios(query, texts)
