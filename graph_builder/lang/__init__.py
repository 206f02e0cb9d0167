"""Language data as named entries: word sets and patterns the extractors use, read from `lang/<code>/*.yaml`.

Extractor code holds no Arabic: it names the entries it needs (`AR.words("agent_verbs")`,
`AR.pattern("direct_object_gap")`) and this module loads them once per process. A word-set entry is
`{gloss, words}`; a pattern entry is `{gloss, regex}`, where `<<name>>` inside a regex stands for the
alternation of word set `name` (longest first) or for pattern `name`, so a list is written once and shared by
every pattern that needs it. Words are normalised like the text (normalize_name); regexes are written in
normalised form already (a test checks both).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

import yaml

from graph_builder.text.normalize import normalize_name

_REF = re.compile(r"<<([a-z0-9_]+)>>")
#: data files with a format of their own, read by graph_builder.lexicon (cue lists, event lemmas with frames)
_OWN_FORMAT = frozenset({"cues.yaml", "event_lemmas.yaml"})


class LanguageDataError(KeyError):
    """An extractor named an entry the language folder does not define."""


@dataclass(frozen=True)
class Entry:
    name: str
    gloss: str
    file: str
    written: bool = False  # matched against the text as written, not the normalised text


@dataclass(frozen=True)
class Language:
    """The data of one language folder, loaded lazily on first use (no import-time side effects)."""

    code: str

    def _files(self) -> list[tuple[str, dict[str, Any]]]:
        """The YAML entries, plus one table entry per TSV lexicon (its stem names it: `months`, `weekdays`),
        so a pattern can say `<<months>>` and the month list stays in one file."""
        folder = resources.files("graph_builder").joinpath("lang", self.code)
        out = []
        for item in sorted(folder.iterdir(), key=lambda p: p.name):
            if item.name.endswith(".yaml") and item.name not in _OWN_FORMAT:
                out.append((item.name, yaml.safe_load(item.read_text(encoding="utf-8")) or {}))
            elif item.name.endswith(".tsv"):
                lines = item.read_text(encoding="utf-8").splitlines()
                gloss = " ".join(line.lstrip("# ").replace("\t", " ") for line in lines if line.startswith("#"))
                rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
                table = {row[0]: row[1] if len(row) > 1 else "" for row in rows}
                out.append((item.name, {item.name.removesuffix(".tsv"): {"gloss": gloss, "table": table}}))
        return out

    @cached_property
    def _data(self) -> tuple[dict[str, frozenset[str]], dict[str, str], dict[str, dict[str, str]], dict[str, Entry]]:
        words: dict[str, frozenset[str]] = {}
        regexes: dict[str, str] = {}
        tables: dict[str, dict[str, str]] = {}
        entries: dict[str, Entry] = {}
        for file, data in self._files():
            for name, body in data.items():
                if name in entries:
                    raise ValueError(f"lang/{self.code}/{file}: entry {name!r} also defined in {entries[name].file}")
                if not isinstance(body, dict) or "gloss" not in body:
                    raise ValueError(f"lang/{self.code}/{file}: entry {name!r} needs a gloss")
                entries[name] = Entry(name, body["gloss"], file, body.get("normalise", True) is False)
                if "words" in body:
                    keep = body.get("normalise", True) is False  # letters the normaliser rewrites, kept as written
                    words[name] = frozenset(str(w) if keep else normalize_name(str(w)) for w in body["words"])
                elif "regex" in body:
                    regexes[name] = body["regex"]
                elif "table" in body:
                    tables[name] = {normalize_name(str(k)): str(v) for k, v in body["table"].items()}
                else:
                    raise ValueError(f"lang/{self.code}/{file}: entry {name!r} has no words, regex or table")
        return words, regexes, tables, entries

    def words(self, name: str) -> frozenset[str]:
        """A named word set (normalised forms)."""
        try:
            return self._data[0][name]
        except KeyError:
            raise LanguageDataError(f"no word set {name!r} in lang/{self.code}") from None

    def table(self, name: str) -> dict[str, str]:
        """A named mapping from a normalised form to a value (a singular form, a number, a key)."""
        try:
            return self._data[2][name]
        except KeyError:
            raise LanguageDataError(f"no table {name!r} in lang/{self.code}") from None

    def alternation(self, name: str) -> str:
        """Regex alternation of a word set or of a table's keys, longest first ("انها" before "ان")."""
        forms = self._data[0].get(name)
        if forms is None:
            forms = frozenset(self.table(name))
        return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))

    def regex(self, name: str) -> str:
        """A named pattern's source with its `<<set>>` references expanded."""
        try:
            source = self._data[1][name]
        except KeyError:
            raise LanguageDataError(f"no pattern {name!r} in lang/{self.code}") from None
        return _REF.sub(lambda m: self._expand(m.group(1)), source)

    def _expand(self, name: str) -> str:
        """A reference inside a pattern: another pattern (as a group), else a word set or table's forms."""
        if name in self._data[1]:
            return f"(?:{self.regex(name)})"
        return self.alternation(name)

    def pattern(self, name: str) -> re.Pattern[str]:
        """A named pattern, compiled once."""
        cache = self._compiled
        if name not in cache:
            cache[name] = re.compile(self.regex(name))
        return cache[name]

    @cached_property
    def _compiled(self) -> dict[str, re.Pattern[str]]:
        return {}

    def entries(self) -> dict[str, Entry]:
        """Every entry with its gloss and file, for docs and checks."""
        return dict(self._data[3])

    def raw_words(self) -> dict[str, frozenset[str]]:
        return dict(self._data[0])

    def raw_regexes(self) -> dict[str, str]:
        return dict(self._data[1])


AR = Language("ar")
