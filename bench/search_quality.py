"""Search benchmark: recall@3, MRR and latency per language on the evaluation set.

Run on the embedded default:   HAVEN_ENV=development ... .venv/bin/python bench/search_quality.py
Run on PostgreSQL:             DATABASE_URL=postgres://... (after migrate + load_content)
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")

import django

django.setup()

from django.db import connection  # noqa: E402

from search.evaluation import evaluate, load_cases  # noqa: E402


def main() -> None:
    cases = load_cases()
    evaluate(cases[:10])  # warm caches (lexicons, stemmers)
    scores = evaluate(cases)
    print(f"engine: {connection.vendor}; machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores")
    print("| lang | queries | recall@3 | MRR | p50 ms | p95 ms |")
    print("|---|---|---|---|---|---|")
    for lang, score in sorted(scores.items()):
        print(
            f"| {lang} | {score.cases} | {score.recall_at_3:.2f} | {score.mrr:.2f} | "
            f"{score.percentile(0.5):.1f} | {score.percentile(0.95):.1f} |"
        )
    if "-v" in sys.argv:
        for lang, score in sorted(scores.items()):
            for miss in score.misses:
                print(f"  {lang} miss: {miss}")


if __name__ == "__main__":
    main()
