"""Write a benchmark's JSON report: one helper, so every `make bench*` target writes its file the same way."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_report(path: Path, report: dict[str, Any], *, echo: bool = True) -> None:
    """Write `report` as indented UTF-8 JSON to `path` (creating its folder), and print it when `echo`.

    Arabic stays readable (`ensure_ascii=False`), and the encoding is explicit so the file does not depend on
    the locale the bench ran under.
    """
    text = json.dumps(report, indent=2, ensure_ascii=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if echo:
        print(text)
