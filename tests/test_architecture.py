"""docs/ARCHITECTURE.md stays true: every name its "Where each idea lives" table gives exists
where the table says and is defined nowhere else in the package, and every folder of the
package has a line in "Each folder's job"."""

import importlib
import re
from pathlib import Path

import renja_xl

ROOT = Path(__file__).parents[1]
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text()


def _section(title: str) -> str:
    start = ARCHITECTURE.index(f"## {title}")
    end = ARCHITECTURE.find("\n## ", start + 1)
    return ARCHITECTURE[start:end if end >= 0 else None]


def _rows(title: str) -> list[list[str]]:
    rows = [line.strip("|").split(" | ") for line in _section(title).splitlines()
            if line.startswith("| ") and not line.startswith("| ---")]
    return [[cell.strip() for cell in row] for row in rows[1:]]


def _module(path: str) -> object:
    dotted = path.strip("`").removesuffix(".py").removesuffix("/").replace("/", ".")
    return importlib.import_module(dotted)


def it_finds_every_named_implementation_in_its_module() -> None:
    rows = _rows("Where each idea lives (one implementation each)")
    assert len(rows) >= 10
    for idea, names, module in rows:
        found = _module(module)
        for name in re.findall(r"`(\w+)`", names):
            assert hasattr(found, name), f"{idea}: {module} has no {name}"


def it_gives_every_package_folder_a_job() -> None:
    described = _section("Each folder's job")
    folders = [p.name for p in Path(renja_xl.__file__).parent.iterdir()
               if p.is_dir() and not p.name.startswith("_")]
    for folder in folders:
        assert f"`{folder}/`" in described, folder


def it_defines_each_named_implementation_once() -> None:
    package = Path(renja_xl.__file__).parent
    sources = {path: path.read_text() for path in package.rglob("*.py")}
    for idea, names, module in _rows("Where each idea lives (one implementation each)"):
        home = ROOT / module.strip("`")
        for name in re.findall(r"`(\w+)`", names):
            defined = re.compile(rf"^(?:def|class) {name}\b", re.MULTILINE)
            places = [path for path, text in sources.items() if defined.search(text)]
            elsewhere = [p for p in places if home not in (p, *p.parents)]
            assert not elsewhere, f"{idea}: {name} defined again in {elsewhere}"


def it_keeps_every_module_within_about_400_lines() -> None:
    package = Path(renja_xl.__file__).parent
    long = {str(p.relative_to(package)): n for p in package.rglob("*.py")
            if (n := len(p.read_text().splitlines())) > 420}
    assert long == {}


_SHARED_ON_PURPOSE = {"load"}
"""Top-level names that several modules define with one meaning: `load` reads a thing into
its model (a workbook into a Renja, a regulation into a Nomenklatur)."""


def it_gives_each_top_level_name_one_meaning() -> None:
    package = Path(renja_xl.__file__).parent
    homes: dict[str, list[str]] = {}
    for path in package.rglob("*.py"):
        where = path.relative_to(package).as_posix()
        if where.startswith(("cli/", "excel/scripts.py", "excel/desktop.py", "validasi/rules/")):
            continue  # commands and buttons share their command's name; rules their check's
        for name in re.findall(r"^(?:def|class) ([A-Za-z]\w*)", path.read_text(), re.MULTILINE):
            homes.setdefault(name, []).append(where)
    shared = {name: places for name, places in homes.items()
              if len(places) > 1 and name not in _SHARED_ON_PURPOSE}
    assert shared == {}
