"""Splitting the rows of one program into kegiatan and their sub kegiatan: the best grouping.

`renja_xl.inference` labels what it can from kode and text, then hands each
stretch of undecided rows (one program's) to a `Stretch`. Every grouping of the
stretch into kegiatan heads, each followed by its sub kegiatan, is scored from
per-row evidence (positive: a kegiatan) and from the subtotals of both years
(a kegiatan's pagu is the sum of the sub kegiatan below it); `solve` finds the
best by dynamic programming and `flipped_scores` how much worse each row's
other label would be (the margin behind an `ambiguity` note).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from renja_xl.inference import RowSignals

__all__ = ["Stretch"]

W_SUM = 6.0
W_NO_CHILDREN = 3.0
W_CHILDLESS = 20.0
W_SPAN = 6.0
W_SHORT_RANGE = -2.0
W_ORPHAN = 15.0
MAX_GROUP = 120
_SLACK = 1e-3
"""Room for rounding when a bound rules a group out: the bound never decides a level."""


class Stretch:
    """The rows of one program (or of a stretch with no program) to split K/S.

    The score of a grouping is a sum over rows and groups; every per-row figure
    the scoring reads is put in a list up front, so that the dynamic programming
    (which weighs up to MAX_GROUP groups ending at each row) reads lists only.
    """

    def __init__(self, rows: Sequence[RowSignals], evidence: list[float], offset: int,
                 years: int = 2) -> None:
        self.rows, self.e, self.offset = rows, evidence, offset
        # A table with one year (Tabel 4.1) weighs its one sum as much as two.
        self.w_sum = W_SUM * 2 / years
        n = self.n = len(rows)
        pre_e = self.pre_e = [0.0] * (n + 1)
        pre_n = self.pre_n = [0] * (n + 1)
        pre_m = self.pre_m = [0] * (n + 1)
        self.half_e = [x / 2 for x in evidence]
        self.own_n = own_n = [0] * n
        self.own_m = own_m = [0] * n
        self.lonely = lonely = [0.0] * n
        # The head's own range as block positions; None when the head has none.
        self.span_start: list[int | None] = [None] * n
        self.span_stop = [0] * n
        self.odd_span = False
        for i, row in enumerate(rows):
            pre_e[i + 1] = pre_e[i] + evidence[i]
            own_n[i] = pagu = row.pagu or 0
            own_m[i] = maju = row.pagu_maju or 0
            pre_n[i + 1] = pre_n[i] + pagu
            pre_m[i + 1] = pre_m[i] + maju
            # Budget lives in sub kegiatan: a kegiatan with figures and none below is rare.
            lonely[i] = W_CHILDLESS if row.has_figures else W_NO_CHILDREN
            children = row.children
            if children is not None:
                if children.step != 1:
                    self.odd_span = True
                self.span_start[i] = children.start - offset
                self.span_stop[i] = children.stop - offset

    def children_evidence(self, i: int, j: int) -> float:
        """Score of rows i..j-1 labelled sub kegiatan."""
        return -(self.pre_e[j] - self.pre_e[i]) / 2

    def group(self, i: int, j: int) -> float:
        """Score of row i as kegiatan with rows i+1..j-1 as its sub kegiatan."""
        score = self.half_e[i] + -(self.pre_e[j] - self.pre_e[i + 1]) / 2
        if j == i + 1:
            # Budget lives in sub kegiatan: a kegiatan with figures and none below is rare.
            return score - self.lonely[i]
        start = self.span_start[i]
        if start is None:
            span = 0.0
        elif self.odd_span:
            span = self._odd_span_score(i, j)
        elif start == i + 1:
            stop = self.span_stop[i]
            span = W_SPAN if stop == j else W_SHORT_RANGE if stop < j else -W_SPAN
        else:
            span = -W_SPAN
        if span == W_SHORT_RANGE:
            return score + span  # a range left short explains why the sums disagree
        w_sum = self.w_sum
        stated = self.own_n[i]
        if stated != self.pre_n[j] - self.pre_n[i + 1]:
            score += -w_sum
        else:
            score += 0.5 if not stated else w_sum
        stated = self.own_m[i]
        if stated != self.pre_m[j] - self.pre_m[i + 1]:
            score += -w_sum
        else:
            score += 0.5 if not stated else w_sum
        return score + span

    def _odd_span_score(self, i: int, j: int) -> float:
        """How well the head's own range fits rows i+1..j-1, for a range with any step."""
        children = self.rows[i].children
        assert children is not None
        wanted = range(self.offset + i + 1, self.offset + j)
        if children == wanted:
            return W_SPAN
        short = children.start == wanted.start and children.stop < wanted.stop
        return W_SHORT_RANGE if short else -W_SPAN

    def orphans(self, j: int) -> float:
        """Score of rows 0..j-1 as sub kegiatan with no kegiatan above them."""
        return self.children_evidence(0, j) - W_ORPHAN

    def solve(self) -> tuple[list[int], float]:
        """Group starts (row indexes labelled kegiatan) of the best split, and its score."""
        if self.odd_span:
            return self._solve(self.group)
        return self._solve(None)

    def _solve(self, group: Callable[[int, int], float] | None) -> tuple[list[int], float]:
        # The best split of rows 0..j-1 ends with the orphan rows or with one group
        # i..j-1 after the best split of rows 0..i-1, the first such i on a tie. With
        # its head's sums and range at their best, a group scores at most
        # `top[i] - pre_e[j] / 2`; a group whose bound is below a split already in
        # hand cannot win, and neither can any group starting before the last row
        # whose running maximum of `top` is below that bound. The groups left are
        # scored in full, in the same order and with the same arithmetic as `group`.
        n = self.n
        pre_e, half_e, lonely = self.pre_e, self.half_e, self.lonely
        pre_n, pre_m, own_n, own_m = self.pre_n, self.pre_m, self.own_n, self.own_m
        span_start, span_stop = self.span_start, self.span_stop
        w_sum = self.w_sum
        # The most a head's range and sums can add to its group.
        reach = [
            (0.0 if start is None else W_SPAN) + (w_sum if own_n[i] else 0.5)
            + (w_sum if own_m[i] else 0.5) + _SLACK
            for i, start in enumerate(span_start)
        ]
        best = [0.0] * (n + 1)
        back = [0] * (n + 1)
        orphan = [False] * (n + 1)
        top = [0.0] * n
        running = [0.0] * n
        high = float("-inf")
        for j in range(1, n + 1):
            h = j - 1
            top_h = best[h] + half_e[h] + pre_e[j] / 2 + reach[h]
            top[h] = top_h
            if top_h > high:
                high = top_h
            running[h] = high
            pe_j = pre_e[j]
            pn_j = pre_n[j]
            pm_j = pre_m[j]
            best_j = -(pe_j - pre_e[0]) / 2 - W_ORPHAN
            back_j, orphan_j = 0, True
            floor = best_j
            nearest = best[h] + (half_e[h] - lonely[h])
            if nearest > floor:
                floor = nearest
            half_pe_j = pe_j / 2
            cut = floor + half_pe_j
            lo = j - MAX_GROUP if j > MAX_GROUP else 0
            lo = bisect_left(running, cut, lo, j)
            for i in range(lo, j):
                if top[i] < cut:
                    continue
                if group is not None:
                    score = best[i] + group(i, j)
                elif i == h:
                    score = best[i] + (half_e[i] + -(pe_j - pre_e[j]) / 2 - lonely[i])
                else:
                    g = half_e[i] + -(pe_j - pre_e[i + 1]) / 2
                    start = span_start[i]
                    if start is None:
                        span = 0.0
                    elif start == i + 1:
                        stop = span_stop[i]
                        span = W_SPAN if stop == j else W_SHORT_RANGE if stop < j else -W_SPAN
                    else:
                        span = -W_SPAN
                    if span == W_SHORT_RANGE:
                        g = g + span
                    else:
                        stated = own_n[i]
                        if stated != pn_j - pre_n[i + 1]:
                            g += -w_sum
                        else:
                            g += 0.5 if not stated else w_sum
                        stated = own_m[i]
                        if stated != pm_j - pre_m[i + 1]:
                            g += -w_sum
                        else:
                            g += 0.5 if not stated else w_sum
                        g = g + span
                    score = best[i] + g
                if score > best_j:
                    best_j, back_j, orphan_j = score, i, False
                    cut = score + half_pe_j
            best[j], back[j], orphan[j] = best_j, back_j, orphan_j
        starts, j = [], n
        while j > 0:
            i = back[j]
            if not orphan[j]:
                starts.append(i)
            j = i
        return sorted(starts), best[n]

    def _segment(self, start: int | None, end: int) -> float:
        """Score of one segment: a group from `start`, or the orphan rows before any group."""
        if start is None:
            return self.orphans(end) if end > 0 else 0.0
        return self.group(start, end)

    def flipped_scores(self, starts: list[int], best: float) -> list[float]:
        """Score of the best split with each row's label flipped, rescoring only its neighbours.

        A head is merged into the group before it (or into the orphan rows); a child
        starts a new group. The score of each group is shared by all its rows.
        """
        n = self.n
        group, segment = self.group, self._segment
        out = [0.0] * n
        bounds = [*starts, n]
        before: int | None = None
        if bounds[0] > 0:  # orphan rows before the first group: each would start a group
            old = segment(None, bounds[0])
            for i in range(bounds[0]):
                out[i] = best - old + segment(None, i) + group(i, bounds[0])
        for k, head in enumerate(starts):
            after = bounds[k + 1]
            whole = group(head, after)
            # The head merged into the previous group (or into the orphan rows).
            out[head] = best - (segment(before, head) + whole) + segment(before, after)
            for i in range(head + 1, after):  # a child starting a new group
                out[i] = best - whole + group(head, i) + group(i, after)
            before = head
        return out
