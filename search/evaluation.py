"""The search evaluation set (bench/search_eval/*.toml) and its measures: recall@3 and MRR per language."""

from __future__ import annotations

import statistics
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from search.rules import DEFAULT_COUNTRY
from search.selectors import search

EVAL_DIR = Path(settings.BASE_DIR) / "bench" / "search_eval"


@dataclass(frozen=True)
class Case:
    lang: str
    q: str
    expected: tuple[str, ...]  # knowledge slugs, or "service:<slug>" / "organisation:<slug>": any of them is right
    country: str = DEFAULT_COUNTRY  # the visitor's country: "nl" where the question is about the Netherlands


@dataclass
class Scores:
    cases: int = 0
    hits_at_3: int = 0
    reciprocal_ranks: float = 0.0
    misses: list[str] = field(default_factory=list)
    latencies_ms: list[float] = field(default_factory=list)

    @property
    def recall_at_3(self) -> float:
        return self.hits_at_3 / self.cases if self.cases else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_ranks / self.cases if self.cases else 0.0

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def load_cases(directory: Path = EVAL_DIR) -> list[Case]:
    cases = []
    for path in sorted(directory.glob("*.toml")):
        for entry in tomllib.loads(path.read_text(encoding="utf-8")).get("queries", []):
            expected = entry["expected"]
            answers = tuple(expected) if isinstance(expected, list) else (expected,)
            cases.append(Case(entry["lang"], entry["q"], answers, entry.get("country", DEFAULT_COUNTRY)))
    return cases


def _key(result_type: str, key: str) -> str:
    return f"{result_type}:{key}" if result_type in ("service", "organisation") else key


def evaluate(cases: list[Case], *, limit: int = 10) -> dict[str, Scores]:
    scores: dict[str, Scores] = {}
    for case in cases:
        score = scores.setdefault(case.lang, Scores())
        started = time.perf_counter()
        results = search(case.q, lang=case.lang, limit=limit, count_misses=False, country=case.country)
        score.latencies_ms.append((time.perf_counter() - started) * 1000)
        keys = [_key(r.type, r.key) for r in results]
        score.cases += 1
        ranks = [keys.index(answer) + 1 for answer in case.expected if answer in keys]
        if ranks:
            rank = min(ranks)
            score.reciprocal_ranks += 1 / rank
            if rank <= 3:
                score.hits_at_3 += 1
                continue
        score.misses.append(f"{case.q!r} -> {keys[:3]} (wanted {' or '.join(case.expected)})")
    return scores


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
