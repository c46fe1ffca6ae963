"""`python -m benchmarks` (`make bench`): set up a throwaway database, fill one office with
100,000 cases, time search through the case list's real path and the encryption round trip,
and print the figures. Exits 1 when a target is missed.
"""

import argparse
import sys
import time


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000, help="cases in the office (default 100000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed runs of each query (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards, and print where")
    args = parser.parse_args(argv)

    from benchmarks.environment import bench_database, database_size

    with bench_database(keep=args.keep) as database:
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection

        from benchmarks import dataset, encryption, search_path
        from benchmarks.timing import table

        print(f"Database: {database.engine} (throwaway)")
        started = time.perf_counter()
        call_command("migrate", verbosity=0, interactive=False)
        migrated = time.perf_counter() - started
        print(f"Migrated in {migrated:.1f} s; inserting {args.cases:,} cases ...", flush=True)
        data = dataset.build(cases=args.cases)
        size = database_size(database)
        print(
            f"Set-up: {data.cases:,} cases and {data.index_rows:,} search-index rows in {data.seconds:.1f} s "
            f"({data.index_rows / max(data.cases, 1):.0f} index rows per case); "
            f"database {size / 1_000_000:.0f} MB on {connection.vendor}"
        )
        print()
        print(f"Search, first page of {search_path.PER_PAGE} with the count, {args.repeat} runs each:")
        searches = search_path.run(data, repeat=args.repeat)
        print(table(searches))
        print()
        print("Encryption at rest (AES-256-GCM), per narrative, 2000 runs each:")
        print(table(encryption.run(repeat=2000), unit="µs"))
        missed = [timing.label for timing in searches if not timing.meets_target]
        print()
        if missed:
            print(f"MISSED the {search_path.TARGET_MS:g} ms target: {'; '.join(missed)}")
            return 1
        print(f"All searches under the {search_path.TARGET_MS:g} ms target (p95).")
        return 0


if __name__ == "__main__":
    sys.exit(main())
