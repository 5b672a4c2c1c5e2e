"""A plain progress bar on stderr, redrawn in place: ``Importing rows [#########.....] 120/480``."""

from __future__ import annotations

from django.core.management.base import OutputWrapper

WIDTH = 30


class ProgressBar:
    def __init__(self, stream: OutputWrapper, label: str) -> None:
        self.stream, self.label, self.last = stream, label, -1

    def __call__(self, done: int, total: int) -> None:
        filled = WIDTH * done // total if total else WIDTH
        if filled == self.last and done != total:
            return
        self.last = filled
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {done}/{total}", ending="")
        if done >= total:
            self.stream.write("")
        self.stream.flush()
