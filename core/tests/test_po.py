from pathlib import Path

from lib.po import fill_source_language, parse, problems

CATALOGUE = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"

msgid "Hello"
msgstr ""

#, fuzzy, python-format
#| msgid "Old %(n)s"
msgid "New %(n)s"
msgstr "Old %(n)s"

msgid "One"
msgid_plural "Many"
msgstr[0] ""
msgstr[1] ""
"""


def test_the_source_language_fills_itself_and_fuzzy_entries_are_repaired(tmp_path: Path):
    path = tmp_path / "django.po"
    path.write_text(CATALOGUE, encoding="utf-8")
    assert len(problems(path)) == 3
    fill_source_language(path)
    assert problems(path) == []
    entries = {entry.msgid: entry for entry in parse(path)}
    assert entries["Hello"].msgstr == {0: "Hello"}
    assert entries["New %(n)s"].msgstr == {0: "New %(n)s"} and "python-format" in entries["New %(n)s"].flags
    assert entries["One"].msgstr == {0: "One", 1: "Many"}
