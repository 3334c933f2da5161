"""The public surface of `renja_xl`: one sorted list, every name importable."""

import ast
import subprocess
import sys
from pathlib import Path

import renja_xl


def it_exports_a_sorted_list_of_names_that_all_resolve() -> None:
    assert renja_xl.__all__ == sorted(renja_xl.__all__)
    assert set(renja_xl.__all__) == set(renja_xl._EXPORTS)
    for name in renja_xl.__all__:
        assert getattr(renja_xl, name) is not None, name
        assert not name.startswith("_")


def it_shows_type_checkers_exactly_the_public_names_from_their_modules() -> None:
    tree = ast.parse(Path(renja_xl.__file__).read_text())
    [block] = [n for n in tree.body
               if isinstance(n, ast.If) and ast.unparse(n.test) == "TYPE_CHECKING"]
    shown = {alias.name: node.module for node in block.body if isinstance(node, ast.ImportFrom)
             for alias in node.names}
    assert shown == renja_xl._EXPORTS


def it_names_public_functions_with_an_english_verb_and_indonesian_nouns() -> None:
    functions = [n for n in renja_xl.__all__ if n[0].islower()]
    assert {"fill_kode", "fill_prakiraan", "make_tahun_depan"} <= set(functions)
    assert not {"isi_kode", "next_year", "Rules"} & set(renja_xl.__all__)


def it_keeps_import_light_for_the_excel_add_in() -> None:
    code = (
        "import sys, renja_xl; "
        "heavy = [m for m in ('pandas', 'typer', 'rich', 'xlwings', 'openpyxl') "
        "if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def it_refuses_names_it_does_not_have() -> None:
    try:
        renja_xl.tidak_ada  # noqa: B018
    except AttributeError as exc:
        assert "tidak_ada" in str(exc)
    else:
        raise AssertionError("an unknown name resolved")
