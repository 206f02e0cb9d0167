"""The language folder is the one place Arabic lives: every entry is glossed and used, every name the code asks
for exists, and the extractor code holds no Arabic string constants."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from graph_builder.lang import AR, Language, LanguageDataError

PACKAGE = Path(__file__).resolve().parents[3] / "graph_builder"
_ARABIC_LETTER = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]")
_USE = re.compile(r"""AR\.(?:words|pattern|regex|table|alternation)\(\s*["']([a-z0-9_]+)["']""")


def _arabic_constants(path: Path) -> list[tuple[int, str]]:
    """String constants with Arabic letters, docstrings excluded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [(c.lineno, c.value) for c in ast.walk(tree)
            if isinstance(c, ast.Constant) and isinstance(c.value, str) and _ARABIC_LETTER.search(c.value)
            and id(c) not in docstrings]


def test_extractors_hold_no_arabic_string_constants() -> None:
    found = {p.name: _arabic_constants(p) for p in (PACKAGE / "extract").glob("*.py")}
    assert {name: consts for name, consts in found.items() if consts} == {}


def test_only_the_normalisation_tables_hold_arabic_in_the_package() -> None:
    counts = {str(p.relative_to(PACKAGE)): len(_arabic_constants(p)) for p in PACKAGE.rglob("*.py")}
    outside = {name: n for name, n in counts.items() if n and name != "text/normalize.py"}
    assert outside == {}
    assert sum(counts.values()) <= 60


def test_every_entry_the_code_names_exists() -> None:
    used = {m.group(1) for p in PACKAGE.rglob("*.py") for m in _USE.finditer(p.read_text(encoding="utf-8"))}
    assert used, "the scan found no use of the language data"
    assert sorted(used - set(AR.entries())) == []


def test_every_yaml_entry_is_used_by_the_code_or_a_pattern() -> None:
    code = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    patterns = "\n".join(AR.raw_regexes().values())
    unused = [name for name, entry in AR.entries().items() if entry.file.endswith(".yaml")
              and f'"{name}"' not in code and f"'{name}'" not in code and f"<<{name}>>" not in patterns]
    assert unused == []


def test_every_entry_has_a_gloss_and_every_pattern_compiles() -> None:
    for name, entry in AR.entries().items():
        assert entry.gloss.strip(), name
    for name in AR.raw_regexes():
        assert AR.pattern(name).pattern


def test_a_pattern_reference_expands_to_its_word_set_longest_first() -> None:
    forms = AR.alternation("complementisers").split("|")
    assert set(forms) == AR.words("complementisers")
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    assert AR.alternation("complementisers") in AR.regex("clause_boundary") or \
        AR.alternation("clause_openers") in AR.regex("clause_boundary")


def test_an_unknown_entry_is_a_clear_error() -> None:
    with pytest.raises(LanguageDataError, match="no word set 'nothing_here'"):
        AR.words("nothing_here")
    with pytest.raises(LanguageDataError, match="no pattern"):
        AR.pattern("nothing_here")


def test_a_language_without_a_folder_fails_on_use_not_on_import() -> None:
    lang = Language("xx")
    with pytest.raises(FileNotFoundError):
        lang.words("anything")
