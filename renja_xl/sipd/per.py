"""What one written workbook covers (the command line's `--per` choice)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Per"]


class Per(StrEnum):
    """What one workbook covers."""

    SKPD = "skpd"
    SUB_UNIT = "sub-unit"
