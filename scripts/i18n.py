#!/usr/bin/env python
"""Keep the interface's translations in step with the code.

Run from the repository root::

    python scripts/i18n.py update              # extract the marked texts, then build the .qm
    python scripts/i18n.py missing [CONTEXT]   # the texts not translated yet (as JSON to fill)
    python scripts/i18n.py fill FILE.json      # {context: {source: translation}} into the .ts
    python scripts/i18n.py take OTHER.ts ...   # the finished translations of other .ts files

``update`` runs ``pyside6-lupdate`` over every module of the package (texts in ``tr()``,
``QCoreApplication.translate`` and :func:`bpstudio.core.translatable.QT_TRANSLATE_NOOP`) into
``bpstudio/resources/i18n/bpstudio_zh_CN.ts``, keeping the translations there and dropping
texts no longer in the code, without source locations (they would change with every edit and
make merges conflict), then compiles the ``.qm`` the app loads with ``pyside6-lrelease``. Both
files are committed; tests/gui/test_translations.py checks they are up to date and complete.
The words follow docs/zh_CN-glossary.md. ``take`` merges: after a merge of branches that
both translated, it takes every finished translation from each side's .ts (``git show
BRANCH:bpstudio/resources/i18n/bpstudio_zh_CN.ts > other.ts``) for the texts the code marks.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "bpstudio"
TS = PACKAGE / "resources" / "i18n" / "bpstudio_zh_CN.ts"


def tool(name: str) -> str:
    """The Qt tool ``pyside6-<name>`` next to this Python, or on the PATH."""
    beside = Path(sys.executable).with_name(f"pyside6-{name}")
    found = str(beside) if beside.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return found


def sources() -> list[str]:
    """Every module of the package, relative to the root, in a stable order."""
    return sorted(str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py"))


def extract(ts: Path = TS) -> None:
    """Bring ``ts`` in step with the marked texts of the code."""
    subprocess.run([tool("lupdate"), "-locations", "none", "-no-obsolete", *sources(),
                    "-ts", str(ts)], cwd=ROOT, check=True, capture_output=True)


def compile_qm(ts: Path = TS, qm: Path | None = None) -> Path:
    """Compile ``ts`` to ``qm`` (beside it by default); the path written."""
    qm = qm or ts.with_suffix(".qm")
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def messages(ts: Path = TS) -> dict[tuple[str, str], str | None]:
    """(context, source) -> translation, ``None`` where it is unfinished or empty."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = (translation is not None and translation.get("type") is None
                    and bool(translation.text))
            found[name, message.findtext("source") or ""] = translation.text if done else None
    return found


def fill(translations: dict[str, dict[str, str]], ts: Path = TS) -> list[str]:
    """Write ``translations`` into ``ts``; the (context: source) pairs it does not hold."""
    tree = ET.parse(ts)
    wanted = {(c, s): t for c, texts in translations.items() for s, t in texts.items()}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = name, message.findtext("source") or ""
            if key in wanted:
                translation = message.find("translation")
                translation.text = wanted.pop(key)
                translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    _restore_doctype(ts)
    return [f"{c}: {s}" for c, s in wanted]


def _restore_doctype(ts: Path) -> None:
    """ElementTree drops the ``<!DOCTYPE TS>`` line Qt's tools write; put it back."""
    text = ts.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        head, _, rest = text.partition("\n")
        ts.write_text(f"{head}\n<!DOCTYPE TS>\n{rest}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the marked texts and build the .qm")
    missing = commands.add_parser("missing", help="the texts not translated yet, as JSON")
    missing.add_argument("context", nargs="?", default="", help="only contexts starting so")
    filling = commands.add_parser("fill", help="translations from a JSON file into the .ts")
    filling.add_argument("file", type=Path)
    taking = commands.add_parser("take", help="finished translations from other .ts files")
    taking.add_argument("others", type=Path, nargs="+")
    args = parser.parse_args(argv)
    if args.command == "update":
        extract()
        compile_qm()
    elif args.command == "missing":
        todo: dict[str, dict[str, str]] = {}
        for (context, source), done in messages().items():
            if done is None and context.startswith(args.context):
                todo.setdefault(context, {})[source] = ""
        print(json.dumps(todo, ensure_ascii=False, indent=1))
    elif args.command == "take":
        extract()
        marked = messages()
        found: dict[str, dict[str, str]] = {}
        for other in args.others:
            for (context, source), text in messages(other).items():
                if text is not None and (context, source) in marked:
                    found.setdefault(context, {})[source] = text
        fill(found)
        extract()
        compile_qm()
    else:
        unknown = fill(json.loads(args.file.read_text(encoding="utf-8")))
        extract()  # lupdate's own layout again: small diffs
        compile_qm()
        for line in unknown:
            print(f"not in the .ts (run update first?): {line}", file=sys.stderr)
        return 1 if unknown else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
