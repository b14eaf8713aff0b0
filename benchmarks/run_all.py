"""Run every benchmark in turn and keep what each printed in benchmarks/RESULTS.md.

    python -m benchmarks.run_all [name ...]
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

# Arguments that make each benchmark print the figures the README reports.
ARGUMENTS = {"event_types": ["--end-to-end"]}
BENCHMARKS = ("event_types", "fatalities", "arguments", "articles", "geoparsing", "event_location", "gazetteer_load",
              "dedup", "speed")


def main() -> int:
    """Run the named benchmarks (default: all) and write their output to RESULTS.md."""
    names = sys.argv[1:] or [n for n in BENCHMARKS if (Path(__file__).parent / f"{n}.py").exists()]
    sections = [f"# Benchmark results ({dt.date.today().isoformat()})\n"]
    status = 0
    for name in names:
        print(f"== {name}", flush=True)
        command = [sys.executable, "-m", f"benchmarks.{name}", *ARGUMENTS.get(name, [])]
        run = subprocess.run(command, capture_output=True, text=True)
        print(run.stdout, end="")
        if run.returncode:
            print(run.stderr[-2000:], file=sys.stderr)
            status = 1
        sections.append(f"## {name}\n\n```\n{run.stdout.strip()}\n```\n")
    (Path(__file__).parent / "RESULTS.md").write_text("\n".join(sections), encoding="utf-8")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
