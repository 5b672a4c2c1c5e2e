"""Transferred size of public pages: HTML plus linked CSS/JS/images, gzip-compressed (budget: 50 KB).

Run: HAVEN_ENV=development ... .venv/bin/python bench/page_weight.py  (needs `make setup` first)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")

import django

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from tests.test_page_budget import BUDGET, transferred_size  # noqa: E402

PAGES = [
    "/en/",
    "/nl/knowledge/",
    "/fr/knowledge/abortion-in-belgium/",
    "/en/knowledge/emergency-numbers/",
    "/nl/search/?q=abortus",
    "/fr/safety/browse-safely/",
    "/en/directory/",
    "/fr/plan/",
]


def main() -> None:
    setup_test_environment()
    client = Client()
    print("| page | HTML + assets, gzip | share of budget |")
    print("|---|---|---|")
    for path in PAGES:
        if client.get(path).status_code != 200:
            print(f"| {path} | (not available) | |")
            continue
        total, _sizes = transferred_size(client, path)
        print(f"| {path} | {total / 1024:.1f} KB | {100 * total / BUDGET:.0f}% |")


if __name__ == "__main__":
    main()
