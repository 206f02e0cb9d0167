"""Shared fixtures: the seed corpus built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graph_builder.build import BuildResult, build

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


@pytest.fixture(scope="session")
def seed_build() -> BuildResult:
    return build([str(CORPUS)])


@pytest.fixture(scope="session")
def seed_graph(seed_build: BuildResult) -> Graph:
    return seed_build.union()


#: Skip reason keyword -> (test group, the command that enables it). `make test` installs these when it runs as
#: root (`.ci/extras`); otherwise the run ends with one line naming each skipped group and its command.
SKIP_GROUPS = (
    ("chromium", "browser (headless Chromium)", "sudo apt-get install chromium fonts-noto-core"),
    ("javac", "OWL 2 DL profile (JDK)", "sudo apt-get install default-jdk-headless"),
    ("java", "consistency (HermiT, Java)", "sudo apt-get install default-jre-headless"),
    ("rapper", "rapper parses exports", "sudo apt-get install raptor2-utils"),
    ("raptor2", "rapper parses exports", "sudo apt-get install raptor2-utils"),
    ("roqet", "roqet runs catalog queries", "sudo apt-get install rasqal-utils"),
    ("virtuoso", "Virtuoso endpoint", "sudo apt-get install virtuoso-opensource"),
)


def _skip_reason(report: pytest.TestReport) -> str:
    longrepr = report.longrepr
    return str(longrepr[2] if isinstance(longrepr, tuple) else longrepr)


_SKIPPED_LINE: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Collect each skipped group of tests and the command that enables it; printed last (pytest_unconfigure)."""
    groups: dict[str, tuple[str, int]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = _skip_reason(report).lower()
        for keyword, group, command in SKIP_GROUPS:
            if keyword in reason:
                groups[group] = (command, groups.get(group, ("", 0))[1] + 1)
                break
        else:
            groups["other"] = ("see pytest -rs", groups.get("other", ("", 0))[1] + 1)
    if groups:
        _SKIPPED_LINE.append("skipped: " + "; ".join(
            f"{group} ({n} test{'s' if n > 1 else ''}) -> {command}" for group, (command, n) in groups.items()))


def pytest_unconfigure(config: pytest.Config) -> None:
    """The run's very last line: what was skipped and how to enable it (nothing when nothing was skipped)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if _SKIPPED_LINE and reporter is not None:
        reporter.write_line(_SKIPPED_LINE[-1], yellow=True, bold=True)
