"""Load scenarios against the production stack on loopback (nginx + gunicorn + PostgreSQL + Redis).

Run: .venv/bin/python bench/load.py [--seconds 15] [--connections 16] [--json out.json]

Starts the stack from the repository's files (ops/localstack.py: the same as ops/tests/test_stack.py, with
the bundled content loaded), then drives each scenario with wrk (Debian package ``wrk``) over TLS through
nginx. The bare Django view (``/livez``: the whole middleware chain, no database, no template) is measured
in the same run, so each scenario is also given as a share of that ceiling. Prints a Markdown table for
docs/performance.md, and memory per process afterwards.

Scenarios that wait for their modules (docs/performance.md says which): a caseworker's dashboard and an
anonymous report. Add them to ``SCENARIOS`` when the case-management and reporting apps land: a scenario is
a name, a path, and optionally a Lua ``request`` body or a form to POST.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ops.localstack import HOST, Stack, services_available

PLAN_PSEUDONYM = "bench-plan-owner"
PLAN_PASSPHRASE = "correct horse battery staple bench"
SEARCHES = ["abortus", "housing", "avortement", "huisvesting", "doctor", "police", "soa", "hiv", "logement", "werk"]

DONE_LUA = """
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"seconds":%.3f,"status_errors":%d,"socket_errors":%d,'
    .. '"p50":%.2f,"p95":%.2f,"p99":%.2f}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
"""


@dataclass
class Scenario:
    name: str
    path: str
    lua: str = ""
    connections: int | None = None


def _search_lua() -> str:
    queries = ", ".join(f'"{urllib.parse.quote(q)}"' for q in SEARCHES)
    return (
        f"queries = {{{queries}}}\ni = 0\n"
        "request = function()\n  i = i + 1\n"
        '  return wrk.format("GET", "/en/search/?q=" .. queries[i % #queries + 1])\nend\n'
    )


def _sign_in_lua(stack: Stack) -> str:
    """POST the plan sign-in form with a valid CSRF cookie and token, as a browser would."""
    status, headers, body = stack.get("/en/plan/sign-in/")
    assert status == 200, status
    cookie = re.search(r"haven_csrf=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert cookie and token, "the sign-in page has its CSRF cookie and token"
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token.group(1).decode(), "pseudonym": PLAN_PSEUDONYM, "passphrase": PLAN_PASSPHRASE}
    )
    # nginx passes the host without the port ($host), as on a real server on 443: the origin to match.
    origin = f"https://{HOST}"
    return (
        'wrk.method = "POST"\n'
        f'wrk.body = "{form}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = "haven_csrf={cookie.group(1)}"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
        f'wrk.headers["Referer"] = "{origin}/en/plan/sign-in/"\n'
    )


def scenarios(stack: Stack) -> list[Scenario]:
    return [
        Scenario("bare Django view (/livez)", "/livez"),
        Scenario("home page", "/en/"),
        Scenario("knowledge index", "/nl/knowledge/"),
        Scenario("knowledge page", "/fr/knowledge/abortion-in-belgium/"),
        Scenario("search (10 queries, 3 languages)", "/en/search/?q=abortus", lua=_search_lua()),
        Scenario("directory", "/en/directory/"),
        Scenario("plan sign-in (Argon2id, POST)", "/en/plan/sign-in/", lua=_sign_in_lua(stack), connections=4),
    ]


def run_wrk(stack: Stack, scenario: Scenario, *, seconds: int, connections: int, workdir: Path) -> dict[str, float]:
    script = workdir / "scenario.lua"
    script.write_text(f'wrk.headers["Host"] = "{HOST}:{stack.https_port}"\n' + scenario.lua + DONE_LUA)
    conns = scenario.connections or connections
    result = subprocess.run(
        [
            shutil.which("wrk") or "wrk", "-t", "2", "-c", str(conns), "-d", f"{seconds}s", "--timeout", "10s",
            "-s", str(script), f"https://127.0.0.1:{stack.https_port}{scenario.path}",
        ],
        capture_output=True, text=True, timeout=seconds + 60,
    )  # fmt: skip
    line = [row for row in result.stdout.splitlines() if row.startswith("{")]
    if not line:
        raise SystemExit(f"wrk failed for {scenario.name}: {result.stdout}\n{result.stderr}")
    measured: dict[str, float] = json.loads(line[-1])
    measured["rps"] = measured["requests"] / measured["seconds"]
    measured["connections"] = conns
    return measured


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory(stack: Stack) -> dict[str, float]:
    out: dict[str, float] = {}
    if stack.web:
        out["gunicorn master"] = _rss_mib(stack.web.pid)
        for index, child in enumerate(_children(stack.web.pid), 1):
            out[f"gunicorn worker {index}"] = _rss_mib(child)
    for index, worker in enumerate(stack.workers, 1):
        out[f"job worker {index}"] = _rss_mib(worker.pid)
    if stack.nginx:
        out["nginx master"] = _rss_mib(stack.nginx.pid)
        for index, child in enumerate(_children(stack.nginx.pid), 1):
            out[f"nginx worker {index}"] = _rss_mib(child)
    return out


def machine() -> str:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if "model name" in line), "")
    memory_kib = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    return (
        f"{os.cpu_count()} cores ({model or 'model not reported'}), {memory_kib / 1024 / 1024:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", default="4,16", help="concurrency levels, comma-separated")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    if reason := services_available():
        raise SystemExit(reason)
    if not shutil.which("wrk") or not shutil.which("nginx"):
        raise SystemExit("needs wrk and nginx (apt-get install wrk nginx-light; make test-deps installs both)")
    workdir = Path(tempfile.mkdtemp(prefix="haven-load-"))
    stack = Stack(workdir=workdir, web_workers=args.web_workers, load_content=True)
    try:
        stack.start()
        stack.manage(
            "shell",
            "-c",
            f"from plans.services import space_create; space_create(pseudonym={PLAN_PSEUDONYM!r}, "
            f"passphrase={PLAN_PASSPHRASE!r})",
        )
        levels = [int(level) for level in args.connections.split(",")]
        runs: dict[int, dict[str, dict[str, float]]] = {}
        for scenario in scenarios(stack):
            run_wrk(stack, scenario, seconds=2, connections=levels[0], workdir=workdir)  # warm-up
        for level in levels:
            runs[level] = {}
            for scenario in scenarios(stack):
                if scenario.connections:  # a fixed level (sign-in: Argon2id's memory per attempt)
                    scenario.connections = min(scenario.connections, level)
                runs[level][scenario.name] = result = run_wrk(
                    stack, scenario, seconds=args.seconds, connections=level, workdir=workdir
                )
                print(f"c={level} {scenario.name}: {result['rps']:.0f}/s p95 {result['p95']:.0f} ms", file=sys.stderr)
        rss = memory(stack)
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Machine: {machine()}; gunicorn {args.web_workers} workers x 4 threads behind nginx (TLS), wrk 2 threads.\n")
    print("| scenario | connections | requests/s | share of bare view | p50 ms | p95 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for results in runs.values():
        ceiling = next(iter(results.values()))["rps"]
        for name, r in results.items():
            errors = int(r["status_errors"] + r["socket_errors"])
            print(
                f"| {name} | {int(r['connections'])} | {r['rps']:.0f} | {r['rps'] / ceiling:.0%} | {r['p50']:.1f} | "
                f"{r['p95']:.1f} | {r['p99']:.1f} | {errors} |"
            )
    print("\n| process | resident memory (MiB) |\n|---|---|")
    for name, mib in rss.items():
        print(f"| {name} | {mib:.0f} |")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "runs": runs, "memory_mib": rss}, indent=2))


if __name__ == "__main__":
    main()
