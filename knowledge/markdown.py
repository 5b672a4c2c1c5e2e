"""Markdown for knowledge items: no raw HTML, safe links only, internal links get the language prefix."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = ("https://", "http://", "mailto:", "tel:")


class _Links(Treeprocessor):
    def __init__(self, md: markdown.Markdown, lang: str) -> None:
        super().__init__(md)
        self.lang = lang

    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            if href.startswith("/") and not href.startswith(("/nl/", "/fr/", "/en/", "//")):
                link.set("href", f"/{self.lang}{href}")
            elif href.startswith(("http://", "https://")):
                link.set("rel", "noopener noreferrer")
            elif not href.startswith((*SAFE_SCHEMES, "/", "#")):
                link.set("href", "#")
        for image in list(root.iter("img")):
            image.tag = "span"  # no images from content: nothing loads from anywhere
            image.text = image.get("alt", "")
            image.attrib.clear()


class _SafeExtension(Extension):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Links(md, self.lang), "haven_links", 0)


def render(text: str, lang: str) -> str:
    return markdown.markdown(text, extensions=[_SafeExtension(lang), "sane_lists"], output_format="html")
