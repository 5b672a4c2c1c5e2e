"""A small reader for gettext .po files: enough to check catalogues and to fill the English one."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Entry:
    msgid: str = ""
    msgid_plural: str = ""
    msgctxt: str = ""
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    @property
    def is_header(self) -> bool:
        return self.msgid == "" and not self.msgctxt

    @property
    def untranslated(self) -> bool:
        return not self.msgstr or any(not text for text in self.msgstr.values())

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$')


def _unquote(text: str) -> str:
    return str(ast.literal_eval(text))


def parse(path: Path) -> list[Entry]:
    return parse_text(path.read_text(encoding="utf-8"))


def parse_text(text: str) -> list[Entry]:
    entries: list[Entry] = []
    current = Entry()
    last: tuple[str, int] | None = None
    started = False

    def flush() -> None:
        nonlocal current, started
        if started:
            entries.append(current)
        current, started = Entry(), False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            last = None
            continue
        if line.startswith("#~"):
            continue  # obsolete entries do not count
        if line.startswith("#,"):
            current.flags |= {flag.strip() for flag in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, value = match.groups()
            started = True
            text = _unquote(value)
            if keyword == "msgid":
                current.msgid, last = text, ("msgid", 0)
            elif keyword == "msgid_plural":
                current.msgid_plural, last = text, ("msgid_plural", 0)
            elif keyword == "msgctxt":
                current.msgctxt, last = text, ("msgctxt", 0)
            else:
                number = int(index) if index is not None else 0
                current.msgstr[number], last = text, ("msgstr", number)
        elif line.startswith('"') and last is not None:
            text = _unquote(line)
            kind, number = last
            if kind == "msgstr":
                current.msgstr[number] += text
            else:
                setattr(current, kind, getattr(current, kind) + text)
    flush()
    return entries


def problems(path: Path) -> list[str]:
    """Messages that are untranslated or fuzzy (the header excepted)."""
    found = []
    for entry in parse(path):
        if entry.is_header:
            continue
        if entry.fuzzy:
            found.append(f"fuzzy: {entry.msgid!r}")
        elif entry.untranslated:
            found.append(f"untranslated: {entry.msgid!r}")
    return found


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def fill_source_language(path: Path) -> int:
    """In the English catalogue, an empty translation becomes the message itself."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    filled = 0
    out = []
    for block in blocks:
        parsed = parse_text(block)
        entry = parsed[0] if parsed else None
        if entry is None or (not entry.untranslated and not entry.fuzzy):
            out.append(block)
            continue
        if entry.is_header:
            out.append(block.replace("#, fuzzy\n", ""))
            continue
        kept = []
        for line in block.split("\n"):
            if line.startswith("msgstr"):
                break
            if line.strip() == "#, fuzzy" or line.startswith("#|"):
                continue
            kept.append(line.replace("#, fuzzy, ", "#, "))
        if entry.msgid_plural:
            kept += [f"msgstr[0] {_quote(entry.msgid)}", f"msgstr[1] {_quote(entry.msgid_plural)}"]
        else:
            kept.append(f"msgstr {_quote(entry.msgid)}")
        out.append("\n".join(kept))
        filled += 1
    path.write_text("\n\n".join(out), encoding="utf-8")
    return filled
