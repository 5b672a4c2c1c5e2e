"""How long the planner's key derivation takes: Argon2id with the parameters in plans/keys.py.

Run: HAVEN_ENV=test .venv/bin/python bench/plan_kdf.py [runs]   (default 15 runs; one thread, as at sign-in)
Prints the median and the spread, with the machine, for docs/plans.md.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAVEN_ENV", "test")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings_test")

import django

django.setup()

from plans import keys  # noqa: E402


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def measure(params: keys.KdfParams, runs: int) -> list[float]:
    salt = keys.new_salt()
    keys.derive_key("warm up", salt, params)
    times = []
    for run in range(runs):
        start = time.perf_counter()
        keys.derive_key(f"lamp river seven tulips {run}", salt, params)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    params = keys.KDF
    print(f"machine: {os.cpu_count()} CPU(s) (nproc), {cpu_model()}, Python {platform.python_version()}")
    print(f"parameters: {params.encode()} (OWASP minimum: {keys.OWASP_MINIMUM.encode()})")
    for label, chosen in (("chosen", params), ("OWASP minimum", keys.OWASP_MINIMUM)):
        times = measure(chosen, runs)
        print(
            f"{label}: median {statistics.median(times):.3f} s over {runs} runs "
            f"(min {min(times):.3f} s, max {max(times):.3f} s)"
        )
    median = statistics.median(measure(params, runs))
    print(f"sign-in (one derivation): {median:.3f} s; making a plan (two): {2 * median:.3f} s")
    print("OK: under 0.5 s" if median < 0.5 else "TOO SLOW: over 0.5 s")


if __name__ == "__main__":
    main()
