"""`python -m benchmarks.intake` (`make bench-intake`; QUICK=1 for a run under two minutes):
public reports per second through gunicorn (the production config, workers = cores), at 1, 4
and 16 concurrent clients, on SQLite and, when DATABASE_URL names PostgreSQL, on PostgreSQL too,
each in a throwaway database.

Each client is a phone: it GETs the report form and POSTs a report, over and over. A report is
*accepted* when the answer is the redirect to its confirmation, *refused* for any other answer
or a broken connection, and *lost* when it was accepted but is not in the database afterwards.
In the same run: the bare Argon2id hash rate at the receipt codes' parameters on every core (one
process per core, nothing else), and the ratio of the best reports per second to it. The hash
rate is measured right beside each engine's reports, just before and just after them (with the
server idle), and each engine's reports are divided by the mean of its own two: on a shared
machine the load drifts, and a rate measured minutes apart would skew the ratio. The load average
is printed beside each. The last line is `intake: ratio=R accepted=N refused=N lost=N`. Exits 1
when a report was refused or lost.
"""

import json
import os
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass

CLIENT_LEVELS = (1, 4, 16)
QUICK_REPORTS = {1: 5, 4: 12, 16: 32}
# Reports sent before the measurement, so every worker has loaded Django (gunicorn does not preload).
WARM_UP = 4
FULL_REPORTS = {1: 50, 4: 200, 16: 640}
# The receipt codes' Argon2id parameters (settings.RECEIPT_ARGON2_*), when the settings lack them.
DEFAULT_ARGON2 = {"memory_kib": 65536, "time_cost": 3, "parallelism": 1}


@dataclass
class Level:
    engine: str
    clients: int
    accepted: int
    refused: int
    lost: int
    seconds: float
    p50_ms: float
    p99_ms: float
    load: float = 0.0  # the 1-minute load average as the level started

    @property
    def per_second(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


def _quick() -> bool:
    return os.environ.get("QUICK", "").strip() not in {"", "0", "false"}


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _measure_level(port: int, clients: int, reports: int, engine: str) -> tuple[Level, list[str]]:
    from benchmarks.report_client import send_report

    per_client = max(1, reports // clients)
    latencies: list[float] = []
    accepted: list[str] = []
    refused = 0
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def phone(number: int) -> None:
        nonlocal refused
        barrier.wait()
        for index in range(per_client):
            narrative = f"Bench report {engine} {clients}-{number}-{index}: shouted at on the tram."
            started = time.perf_counter()
            try:
                sent = send_report(port, "OSL", narrative)
                ok = sent.status == 302 and "/report/sent/" in sent.location
            except OSError:
                ok = False
            took = time.perf_counter() - started
            with lock:
                latencies.append(took * 1000)
                if ok:
                    accepted.append(narrative)
                else:
                    refused += 1

    threads = [threading.Thread(target=phone, args=(n,)) for n in range(clients)]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    level = Level(
        engine=engine,
        clients=clients,
        accepted=len(accepted),
        refused=refused,
        lost=0,
        seconds=seconds,
        p50_ms=statistics.median(latencies) if latencies else 0.0,
        p99_ms=_percentile(latencies, 0.99),
        load=load,
    )
    return level, accepted


def run_engine() -> int:
    """In a child process: one engine (DATABASE_URL, or SQLite when unset), every level; prints
    one JSON line per level."""
    from benchmarks.environment import bench_database

    with bench_database() as database:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from benchmarks.pages import _free_port
        from likeverd.accounts.models import Jurisdiction, Office
        from likeverd.cases.models import Case

        setup_started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", interactive=False, verbosity=0)
        office = Office.objects.create(
            name="DiMe Oslo", code="OSL", jurisdiction=Jurisdiction.NORWAY, municipalities=["Oslo"]
        )
        connection.close()
        port = _free_port()
        env = {
            **os.environ,
            "LIKEVERD_INTAKE_REPORTS_PER_HOUR": "0",
            "LIKEVERD_WEB_WORKERS": str(os.cpu_count() or 1),
            "LIKEVERD_LOG_LEVEL": "WARNING",
        }
        log = database.folder / "gunicorn.log"
        with log.open("w") as output:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "--config",
                    "python:likeverd.config.gunicorn",
                    f"--bind=127.0.0.1:{port}",
                    "--access-logfile=/dev/null",
                    "likeverd.config.wsgi:application",
                ],
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_for(port, server, log)
            from benchmarks.report_client import send_report

            for index in range(WARM_UP):
                send_report(port, "OSL", f"Warm-up report {index}")
            print(f"SETUP {database.engine} {time.perf_counter() - setup_started:.0f}", flush=True)
            parameters = _argon2_parameters()
            print("ARGON2 " + json.dumps(parameters), flush=True)
            hash_seconds = 3 if _quick() else 15
            hashes = [_hash_beside(parameters, hash_seconds)]
            counts = QUICK_REPORTS if _quick() else FULL_REPORTS
            for clients in CLIENT_LEVELS:
                level, accepted = _measure_level(port, clients, counts[clients], database.engine)
                stored = {case.narrative for case in Case.objects.filter(office=office)}
                connection.close()
                level.lost = len(set(accepted) - stored)
                print("LEVEL " + json.dumps(asdict(level)), flush=True)
            hashes.append(_hash_beside(parameters, hash_seconds))
            print("HASH " + json.dumps({"engine": database.engine, "runs": hashes}), flush=True)
        finally:
            server.terminate()
            server.wait(timeout=60)
    return 0


def _wait_for(port: int, server: subprocess.Popen[bytes], log: object) -> None:
    import socket

    deadline = time.monotonic() + 120
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn did not start: see {log}") from None
            time.sleep(0.2)


def _argon2_parameters() -> dict[str, int]:
    """The parameters the server hashes receipt codes with (read in the engine's child, which has
    the production settings the server runs)."""
    from django.conf import settings

    return {
        "memory_kib": int(getattr(settings, "RECEIPT_ARGON2_MEMORY_KIB", DEFAULT_ARGON2["memory_kib"])),
        "time_cost": int(getattr(settings, "RECEIPT_ARGON2_TIME_COST", DEFAULT_ARGON2["time_cost"])),
        "parallelism": int(getattr(settings, "RECEIPT_ARGON2_PARALLELISM", DEFAULT_ARGON2["parallelism"])),
    }


def _hash_for(seconds: float, memory_kib: int, time_cost: int, parallelism: int) -> int:
    from argon2.low_level import Type, hash_secret_raw

    done = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        hash_secret_raw(
            secret=f"{done:016d}".encode(),
            salt=os.urandom(16),
            time_cost=time_cost,
            memory_cost=memory_kib,
            parallelism=parallelism,
            hash_len=32,
            type=Type.ID,
        )
        done += 1
    return done


def _hash_beside(parameters: dict[str, int], seconds: float) -> dict[str, float]:
    """The bare hash rate now (the server idle), with the 1-minute load average before it."""
    load = os.getloadavg()[0]
    return {"rate": bare_hash_rate(parameters, seconds=seconds), "load": load}


def bare_hash_rate(parameters: dict[str, int], *, seconds: float) -> float:
    """Argon2id hashes per second with one process per core and nothing else running."""
    cores = os.cpu_count() or 1
    with ProcessPoolExecutor(max_workers=cores) as pool:
        started = time.perf_counter()
        futures = [pool.submit(_hash_for, seconds, **parameters) for _ in range(cores)]
        done = sum(future.result() for future in futures)
        elapsed = time.perf_counter() - started
    return done / elapsed


def _engines() -> list[dict[str, str]]:
    """SQLite always; PostgreSQL too when DATABASE_URL names it."""
    base = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    runs = [base]
    given = os.environ.get("DATABASE_URL", "")
    if given.startswith(("postgres://", "postgresql://")):
        runs.append({**base, "DATABASE_URL": given})
    return runs


def main() -> int:
    if sys.argv[1:] == ["--engine-child"]:
        return run_engine()
    started = time.perf_counter()
    levels: list[Level] = []
    setup: list[str] = []
    parameters = dict(DEFAULT_ARGON2)
    hash_runs: dict[str, list[dict[str, float]]] = {}
    for env in _engines():
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.intake", "--engine-child"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        for line in child.stdout.splitlines():
            if line.startswith("LEVEL "):
                levels.append(Level(**json.loads(line.removeprefix("LEVEL "))))
            if line.startswith("ARGON2 "):
                parameters = json.loads(line.removeprefix("ARGON2 "))
            if line.startswith("HASH "):
                measured = json.loads(line.removeprefix("HASH "))
                hash_runs[measured["engine"]] = measured["runs"]
            if line.startswith("SETUP "):
                engine, seconds = line.split()[1:]
                setup.append(f"{engine} {seconds} s")
        if child.returncode != 0:
            print(child.stdout[-3000:], child.stderr[-3000:], file=sys.stderr)
            return 1
    cores = os.cpu_count() or 1
    rates = {engine: statistics.mean(run["rate"] for run in runs) for engine, runs in hash_runs.items()}

    print(f"intake: gunicorn with {cores} sync workers (one per core); each report = GET the form + POST it")
    print(f"set-up (migrate, static files, gunicorn, {WARM_UP} warm-up reports): {', '.join(setup)}")
    print(
        f"{'engine':<11}{'clients':>8}{'accepted':>10}{'refused':>9}{'lost':>6}"
        f"{'reports/s':>11}{'p50 ms':>9}{'p99 ms':>9}{'load':>7}"
    )
    for level in levels:
        print(
            f"{level.engine:<11}{level.clients:>8}{level.accepted:>10}{level.refused:>9}{level.lost:>6}"
            f"{level.per_second:>11.2f}{level.p50_ms:>9.0f}{level.p99_ms:>9.0f}{level.load:>7.1f}"
        )
    for engine, runs in hash_runs.items():
        beside = ", ".join(f"{run['rate']:.2f} (load {run['load']:.1f})" for run in runs)
        print(
            f"Argon2id bare beside {engine}: {rates[engine]:.2f} hashes/s on {cores} cores "
            f"(before, after: {beside}; m={parameters['memory_kib']} KiB, t={parameters['time_cost']}, "
            f"p={parameters['parallelism']})"
        )
    best = max(levels, key=lambda level: level.per_second)
    rate = rates.get(best.engine, 0.0)
    ratio = best.per_second / rate if rate else 0.0
    accepted = sum(level.accepted for level in levels)
    refused = sum(level.refused for level in levels)
    lost = sum(level.lost for level in levels)
    print(
        f"best: {best.per_second:.2f} reports/s ({best.engine}, {best.clients} clients) against "
        f"{rate:.2f} hashes/s beside it; "
        f"run took {time.perf_counter() - started:.0f} s"
    )
    print(f"intake: ratio={ratio:.2f} accepted={accepted} refused={refused} lost={lost}")
    return 1 if refused or lost else 0


if __name__ == "__main__":
    sys.exit(main())
