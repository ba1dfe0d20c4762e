#!/usr/bin/env python3
"""Sum the test results of a `dotnet test` run for .ci/run.

Usage: trx_summary.py RESULTS_DIR CONSOLE_LOG

Reads every .trx file under RESULTS_DIR, prints one line per test project and, as the very
last line, `N passed, N failed`. The console log of the same run is a cross-check: when
several projects write one fixed trx file name (`--logger "trx;LogFileName=x.trx"` over a
solution), VSTest lets each project overwrite the previous one's file, so a project that
the console reports but no trx covers is counted from its console summary line instead,
with a warning.

Exit code: 0 when tests ran and none failed, 1 when a test failed, 2 when no test ran.
"""
from __future__ import annotations

import os
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"

# VSTest console logger, one line per test assembly:
# "Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: 1 s - X.dll (net10.0)"
CONSOLE_LINE = re.compile(
    r"^\s*(?:Passed|Failed)!\s+-\s+Failed:\s*(\d+),\s*Passed:\s*(\d+),\s*Skipped:\s*(\d+),\s*Total:\s*(\d+)"
    r".*?-\s+(\S+?)(?:\.dll)?\s+\(([^)]*)\)\s*$"
)


def read_trx(path: str) -> tuple[str, dict[str, int]] | None:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as error:
        print(f"WARNING: cannot read {path}: {error}")
        return None
    counters = root.find(f"{NS}ResultSummary/{NS}Counters")
    if counters is None:
        print(f"WARNING: {path} has no <Counters>")
        return None
    number = lambda key: int(counters.get(key, "0") or 0)  # noqa: E731
    counts = {
        "passed": number("passed"),
        "failed": number("failed") + number("error") + number("timeout") + number("aborted"),
        # xUnit's skipped tests count in total but not in executed (notExecuted stays 0).
        "skipped": max(number("notExecuted"), number("total") - number("executed")),
    }
    method = root.find(f"{NS}TestDefinitions/{NS}UnitTest/{NS}TestMethod")
    if method is not None and method.get("codeBase"):
        name = os.path.splitext(os.path.basename(method.get("codeBase")))[0]
    else:
        name = os.path.splitext(os.path.basename(path))[0]
    return name, counts


def read_console(path: str) -> dict[str, dict[str, int]]:
    found: dict[str, dict[str, int]] = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = CONSOLE_LINE.match(line)
                if match:
                    failed, passed, skipped, _total, name, framework = match.groups()
                    key = name if name not in found else f"{name} ({framework})"
                    found[key] = {"passed": int(passed), "failed": int(failed), "skipped": int(skipped)}
    except OSError:
        pass
    return found


def main() -> int:
    results_dir, console_log = sys.argv[1], sys.argv[2]
    trx_files = sorted(
        os.path.join(folder, file)
        for folder, _dirs, files in os.walk(results_dir)
        for file in files
        if file.endswith(".trx")
    )

    projects: list[tuple[str, dict[str, int], str]] = []
    seen: set[str] = set()
    for path in trx_files:
        result = read_trx(path)
        if result:
            name, counts = result
            projects.append((name, counts, os.path.relpath(path, results_dir)))
            seen.add(name)

    console = read_console(console_log)
    missing = {key: counts for key, counts in console.items() if key.split(" (")[0] not in seen}
    if missing:
        print(
            f"WARNING: {len(missing)} test assembl{'y' if len(missing) == 1 else 'ies'} reported on the console "
            "but found in no .trx file (a fixed LogFileName makes the projects of a solution overwrite one "
            "another's file; `--logger trx` or `--logger \"trx;LogFilePrefix=results\"` keeps one file per "
            "project). Counting them from the console summary."
        )
        for key, counts in sorted(missing.items()):
            projects.append((key, counts, "console"))

    print(f"Test projects ({len(trx_files)} trx file(s) under {results_dir}):")
    passed = failed = skipped = 0
    for name, counts, source in projects:
        passed += counts["passed"]
        failed += counts["failed"]
        skipped += counts["skipped"]
        print(f"  {name}  passed={counts['passed']} failed={counts['failed']} skipped={counts['skipped']}  [{source}]")
    if not projects:
        print("  (none)")
    if skipped:
        print(f"Skipped in total: {skipped}")

    if not passed and not failed:
        print("No test ran.")
    print(f"{passed} passed, {failed} failed")
    if failed:
        return 1
    return 0 if passed else 2


if __name__ == "__main__":
    sys.exit(main())
