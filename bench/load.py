"""Load scenarios against the production stack on loopback (nginx + gunicorn + PostgreSQL + Redis).

Run: .venv/bin/python bench/load.py [--seconds 15] [--connections 4,16] [--case-clients 0] [--only NAMES]
     [--json out.json]

Starts the stack from the repository's files (ops/localstack.py: the same as ops/tests/test_stack.py, with
the bundled content loaded), then drives each scenario with wrk (Debian package ``wrk``) over TLS through
nginx. The bare Django view (``/livez``: the whole middleware chain, no database, no template) is measured
in the same run, so each scenario is also given as a share of that ceiling. Prints a Markdown table for
docs/performance.md, and memory per process afterwards.

Scenarios: public pages, search, the directory, sign-in to a private plan (POST), a caseworker's dashboard (a
signed-in staff session made by bench/stack_fixtures.py) and an anonymous report (POST; the per-client report
limit is lifted for the run by deleting its counters from Redis as they appear, so that every request writes
a report, and the share of answers that were the "report sent" page is checked).

``--scale-data`` adds ``manage.py generate_scale_data`` (20,000 services, 5,000 knowledge items) first.
``--case-clients 1000,10000,100000`` repeats the run on a fresh stack for each size, after
``manage.py generate_case_data --clients N`` (about 10 contacts, 10 audit entries and 6 rated needs per client:
some 10k, 100k and 1M rows in the largest tables), signing in as a caseworker of ``scale-1``.
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
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ops.localstack import HOST, PG, Stack, services_available

PLAN_PSEUDONYM = "bench-plan-owner"
PLAN_PASSPHRASE = "correct horse battery staple bench"
SEARCHES = ["abortus", "housing", "avortement", "huisvesting", "doctor", "police", "soa", "hiv", "logement", "werk"]

DONE_LUA = """
local threads = {}
setup = function(thread) table.insert(threads, thread) end
done = function(summary, latency, requests)
  local marked = 0
  for _, thread in ipairs(threads) do marked = marked + (thread:get("marked") or 0) end
  io.write(string.format('{"requests":%d,"seconds":%.3f,"status_errors":%d,"socket_errors":%d,'
    .. '"p50":%.2f,"p95":%.2f,"p99":%.2f,"marked":%d}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, marked))
end
"""

# Counts the answers whose body holds the scenario's marker (each wrk thread counts its own).
MARKER_LUA = """
marked = 0
response = function(status, headers, body)
  if string.find(body, [[{marker}]], 1, true) then marked = marked + 1 end
end
"""


@dataclass
class Scenario:
    name: str
    path: str
    lua: str = ""
    connections: int | None = None
    marker: str = ""  # text that a successful answer holds; the share of such answers is reported
    lift_throttle: str = ""  # a core.clients.Throttle name whose counters are deleted while the scenario runs


def _search_lua() -> str:
    queries = ", ".join(f'"{urllib.parse.quote(q)}"' for q in SEARCHES)
    return (
        f"queries = {{{queries}}}\ni = 0\n"
        "request = function()\n  i = i + 1\n"
        '  return wrk.format("GET", "/en/search/?q=" .. queries[i % #queries + 1])\nend\n'
    )


def _form_lua(stack: Stack, path: str, fields: dict[str, str]) -> str:
    """POST the form at ``path`` with a valid CSRF cookie and token, as a browser would."""
    status, headers, body = stack.get(path)
    assert status == 200, status
    cookie = re.search(r"haven_csrf=([^;]+)", headers.get("Set-Cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    assert cookie and token, f"{path} has its CSRF cookie and token"
    form = urllib.parse.urlencode({"csrfmiddlewaretoken": token.group(1).decode(), **fields})
    # nginx passes the host without the port ($host), as on a real server on 443: the origin to match.
    origin = f"https://{HOST}"
    return (
        'wrk.method = "POST"\n'
        f'wrk.body = "{form}"\n'
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = "haven_csrf={cookie.group(1)}"\n'
        f'wrk.headers["Origin"] = "{origin}"\n'
        f'wrk.headers["Referer"] = "{origin}{path}"\n'
    )


REPORT = {
    "receiver": "any",
    "kind": "violence",
    "region": "brussels",
    "what_happened": "He would not pay and pushed me against the wall when I asked for the money.",
    "phone": "0470 12 34 56",
    "wants": "warn",
}


def scenarios(stack: Stack, fixtures: dict[str, object]) -> list[Scenario]:
    staff = f'wrk.headers["Cookie"] = "haven_session={fixtures["session"]}"\n'
    sign_in = {"pseudonym": PLAN_PSEUDONYM, "passphrase": PLAN_PASSPHRASE}
    return [
        Scenario("bare Django view (/livez)", "/livez"),
        Scenario("home page", "/en/"),
        Scenario("knowledge index", "/nl/knowledge/"),
        Scenario("knowledge page", "/fr/knowledge/abortion-in-belgium/"),
        Scenario("search (10 queries, 3 languages)", "/en/search/?q=abortus", lua=_search_lua()),
        Scenario("directory", "/en/directory/"),
        Scenario(
            "plan sign-in (Argon2id, POST)",
            "/en/plan/sign-in/",
            lua=_form_lua(stack, "/en/plan/sign-in/", sign_in),
            connections=4,
        ),
        Scenario(
            f"caseworker dashboard ({fixtures['cases']} open cases)",
            f"/en/cases/{fixtures['organisation']}/",
            lua=staff,
            marker='id="overdue"',
        ),
        Scenario(
            "anonymous report (POST)",
            "/en/safety/report/",
            lua=_form_lua(stack, "/en/safety/report/", REPORT),
            marker="data-reply-code",
            lift_throttle="safety-report",
        ),
    ]


class ThrottleLifter(threading.Thread):
    """Deletes a throttle's counters from Redis as they appear (every 20 ms) while a scenario runs."""

    def __init__(self, name: str) -> None:
        super().__init__(daemon=True)
        self.pattern, self.stopped = f"*haven:throttle:{name}:*", threading.Event()

    def run(self) -> None:
        import redis

        client = redis.Redis(host="127.0.0.1", port=6379, db=0)
        while not self.stopped.wait(0.02):
            keys = list(client.scan_iter(match=self.pattern, count=1000))
            if keys:
                client.delete(*keys)


def run_wrk(stack: Stack, scenario: Scenario, *, seconds: int, connections: int, workdir: Path) -> dict[str, float]:
    script = workdir / "scenario.lua"
    marker = MARKER_LUA.replace("{marker}", scenario.marker) if scenario.marker else ""
    script.write_text(f'wrk.headers["Host"] = "{HOST}:{stack.https_port}"\n' + scenario.lua + marker + DONE_LUA)
    conns = scenario.connections or connections
    lifter = ThrottleLifter(scenario.lift_throttle) if scenario.lift_throttle else None
    if lifter:
        lifter.start()
    result = subprocess.run(
        [
            shutil.which("wrk") or "wrk", "-t", "2", "-c", str(conns), "-d", f"{seconds}s", "--timeout", "10s",
            "-s", str(script), f"https://127.0.0.1:{stack.https_port}{scenario.path}",
        ],
        capture_output=True, text=True, timeout=seconds + 60,
    )  # fmt: skip
    if lifter:
        lifter.stopped.set()
        lifter.join()
    line = [row for row in result.stdout.splitlines() if row.startswith("{")]
    if not line:
        raise SystemExit(f"wrk failed for {scenario.name}: {result.stdout}\n{result.stderr}")
    measured: dict[str, float] = json.loads(line[-1])
    measured["rps"] = measured["requests"] / measured["seconds"]
    measured["connections"] = conns
    measured["checked"] = measured["marked"] / measured["requests"] if scenario.marker and measured["requests"] else -1
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


# Generators and fixtures refuse the production profile; they run against the stack's database and keys as a
# development process (same DATABASE_URL, REDIS_URL, key files), while the stack itself serves as production.
DEVELOPMENT = {"HAVEN_ENV": "development"}


def fixtures(stack: Stack, organisation: str) -> dict[str, object]:
    result = stack.manage(
        "shell",
        "-c",
        "import runpy; runpy.run_path('bench/stack_fixtures.py')",
        env={
            **DEVELOPMENT,
            "BENCH_PLAN_PSEUDONYM": PLAN_PSEUDONYM,
            "BENCH_PLAN_PASSPHRASE": PLAN_PASSPHRASE,
            "BENCH_ORGANISATION": organisation,
        },
    )
    made: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return made


def run_size(args: argparse.Namespace, clients: int) -> tuple[dict[int, dict[str, dict[str, float]]], dict[str, float]]:
    """One fresh stack, ``clients`` generated cases (0: none), every scenario at every level."""
    workdir = Path(tempfile.mkdtemp(prefix="haven-load-"))
    extra = {"HAVEN_MAX_REQUESTS": str(args.max_requests)} if args.max_requests else {}
    stack = Stack(workdir=workdir, web_workers=args.web_workers, load_content=True, extra_env=extra)
    try:
        stack.start()
        if args.scale_data:
            stack.manage("generate_scale_data", env=DEVELOPMENT, timeout=3600)
        if clients:
            stack.manage("generate_case_data", "--clients", str(clients), env=DEVELOPMENT, timeout=3600)
        if clients or args.scale_data:
            # As autovacuum would, but now: statistics for the planner, and no vacuum competing with the run.
            subprocess.run(
                ["psql", "-h", PG["host"], "-U", PG["user"], "-d", stack.db_name, "-qc", "VACUUM ANALYZE"], check=True
            )
        made = fixtures(stack, "scale-1" if clients else "bench-desk")
        chosen = [
            scenario
            for scenario in scenarios(stack, made)
            if not args.only or scenario.name.startswith("bare") or any(w in scenario.name for w in args.only)
        ]
        levels = [int(level) for level in args.connections.split(",")]
        runs: dict[int, dict[str, dict[str, float]]] = {}
        for scenario in chosen:
            run_wrk(stack, scenario, seconds=2, connections=levels[0], workdir=workdir)  # warm-up
        for level in levels:
            runs[level] = {}
            for scenario in chosen:
                if scenario.connections:  # a fixed level (sign-in: Argon2id's memory per attempt)
                    scenario.connections = min(scenario.connections, level)
                runs[level][scenario.name] = result = run_wrk(
                    stack, scenario, seconds=args.seconds, connections=level, workdir=workdir
                )
                print(
                    f"{clients} clients, c={level} {scenario.name}: {result['rps']:.0f}/s p95 {result['p95']:.0f} ms",
                    file=sys.stderr,
                )
        return runs, memory(stack)
    finally:
        stack.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def print_table(runs: dict[int, dict[str, dict[str, float]]]) -> None:
    print("| scenario | connections | requests/s | share of bare view | p50 ms | p95 ms | p99 ms | errors | checked |")
    print("|---|---|---|---|---|---|---|---|---|")
    for results in runs.values():
        ceiling = next(iter(results.values()))["rps"]
        for name, r in results.items():
            errors = int(r["status_errors"] + r["socket_errors"])
            checked = f"{r['checked']:.0%}" if r.get("checked", -1) >= 0 else "-"
            print(
                f"| {name} | {int(r['connections'])} | {r['rps']:.0f} | {r['rps'] / ceiling:.0%} | {r['p50']:.1f} | "
                f"{r['p95']:.1f} | {r['p99']:.1f} | {errors} | {checked} |"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", default="4,16", help="concurrency levels, comma-separated")
    parser.add_argument("--web-workers", type=int, default=2)
    parser.add_argument("--case-clients", default="0", help="generated clients per run, comma-separated")
    parser.add_argument("--scale-data", action="store_true", help="add generate_scale_data's 20,000 services first")
    parser.add_argument("--only", type=lambda v: v.split(","), default=[], help="scenario name parts to run")
    parser.add_argument("--max-requests", type=int, default=0, help="HAVEN_MAX_REQUESTS for the run (default: ours)")
    parser.add_argument("--json", default="")
    args = parser.parse_args()
    if reason := services_available():
        raise SystemExit(reason)
    if not shutil.which("wrk") or not shutil.which("nginx"):
        raise SystemExit("needs wrk and nginx (apt-get install wrk nginx-light; make test-deps installs both)")
    every: dict[str, object] = {"machine": machine(), "sizes": {}}
    print(f"Machine: {machine()}; gunicorn {args.web_workers} workers x 4 threads behind nginx (TLS), wrk 2 threads.")
    for clients in [int(size) for size in args.case_clients.split(",")]:
        runs, rss = run_size(args, clients)
        content = (
            "national-scale directory and knowledge (generate_scale_data)" if args.scale_data else "shipped content"
        )
        print(
            f"\n### {content}, {clients} generated clients\n" if clients else f"\n### {content}, no generated cases\n"
        )
        print_table(runs)
        print("\n| process | resident memory (MiB) |\n|---|---|")
        for name, mib in rss.items():
            print(f"| {name} | {mib:.0f} |")
        every["sizes"][str(clients)] = {"runs": runs, "memory_mib": rss}  # type: ignore[index]
    if args.json:
        Path(args.json).write_text(json.dumps(every, indent=2))


if __name__ == "__main__":
    main()
