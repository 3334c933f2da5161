"""Surgical editing of existing .xlsx/.xlsm packages: only the changed cells are rewritten."""

from renja_xl.xlsx.cells import Content, formula, number, text
from renja_xl.xlsx.editor import WorkbookEditor

__all__ = ["Content", "WorkbookEditor", "formula", "number", "text"]
