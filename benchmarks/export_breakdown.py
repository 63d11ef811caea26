"""Where the command-line export's time and memory go, phase by phase, in fresh processes.

    python benchmarks/export_breakdown.py [--sessions 500] [--runs 5] [--work DIR]

`bench.py` judges `revmentor FILE --export-pdf OUT.pdf` as one number; this splits it. Each run is
a fresh process that does what `cli.export_pdf` does, one step at a time, reading the clock and
the peak RSS (`ru_maxrss`) after each: the imports in the order the export pays for them (Qt's
GUI module, the data layer's plain reads, the PDF writer, matplotlib
that the skills chart pulls in), the QGuiApplication, `Store.open` + `build_summary`,
`write_pdf`, and the interpreter's exit (timed by this process, which waits for it). The real
command and the bare PDF process (`_bare_pdf.py`) run interleaved with it, so the sum can be
checked against the whole. Times are medians; the clock starts just before each spawn.

This mirrors `cli.export_pdf` as written when it was added: if that path changes, change the
steps here (`child`) with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for _p in (str(HERE), str(REPO)):  # this checkout, not whatever is installed
    if _p not in sys.path:
        sys.path.insert(0, _p)

#: (label, module) imported in this order; each import only adds what the ones before did not.
IMPORTS = (
    ("import PySide6.QtGui", "PySide6.QtGui"),
    ("import data.store (plain sqlite3)", "revmentor_desktop.data.store"),
    ("import data.reads (plain sqlite3; the export never imports the ORM)", "revmentor_desktop.data.reads"),
    ("import report.pdf + report.summary", "revmentor_desktop.report.pdf"),
    ("import report.charts (matplotlib, numpy)", "revmentor_desktop.report.charts"),
)


def child(source: str, target: str) -> None:
    """The export, step by step; prints one JSON line of (label, monotonic_ns, peak MB) marks."""
    import importlib
    import resource

    def peak_mb() -> float:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6

    marks: list[tuple[str, int, float]] = [("interpreter start-up", time.monotonic_ns(), peak_mb())]

    def mark(label: str) -> None:
        marks.append((label, time.monotonic_ns(), peak_mb()))

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    for label, module in IMPORTS:
        importlib.import_module(module)
        mark(label)
    from PySide6.QtGui import QGuiApplication

    from revmentor_desktop.data.store import Store
    from revmentor_desktop.report.pdf import page_size_for_locale, write_pdf
    from revmentor_desktop.report.summary import ExportOptions, build_summary

    app = QGuiApplication(["revmentor"])
    mark("QGuiApplication")
    store = Store.open(Path(source), read_only=True)
    try:
        summary = build_summary(store, ExportOptions(page_size=page_size_for_locale()))
    finally:
        store.close()
    mark("Store.open + build_summary (its queries)")
    write_pdf(summary, Path(target))
    mark("write_pdf (layout, chart, 1 file)")
    del app
    sys.stdout.write(json.dumps(marks) + "\n")
    sys.stdout.flush()
    # and now the ordinary exit, as `revmentor` does: the parent times it


def spawn(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[int, int, str]:
    """Run `cmd` in a fresh process in `cwd` (the run folder: `python -m` puts the working folder first
    on sys.path, and from the checkout that would import the checkout, not the staged copy)."""
    start = time.monotonic_ns()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False, timeout=300,
                          cwd=cwd)
    end = time.monotonic_ns()
    if done.returncode != 0:
        raise SystemExit(f"{cmd[1:3]} failed (exit {done.returncode}):\n{done.stderr[-2000:]}")
    return start, end, done.stdout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "revmentor-bench")
    parser.add_argument("--child", nargs=2, metavar=("FILE", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0

    import bench

    work: Path = args.work.expanduser().resolve()
    work.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="breakdown-", dir=work))
    source = bench.cached_sample(work, args.sessions)
    out = run_dir / "out.pdf"
    bench.stage_package(run_dir, bench.COMPILED)  # an installed app's compiled package, as bench's rows
    env = bench.child_env(run_dir)
    load_before = bench.load_average()
    steps: dict[str, list[float]] = {}
    peaks: dict[str, list[float]] = {}
    whole: list[float] = []
    bare: list[float] = []
    staged: list[float] = []
    for n in range(args.runs + 1):  # the first run warms the file cache and is not counted
        bench.log(f"run {n}/{args.runs}" if n else "warm-up run (not counted)")
        b0, b1, _ = spawn([sys.executable, str(bench.BARE_PDF), str(out)], env, run_dir)
        w0, w1, _ = spawn([sys.executable, "-m", "revmentor_desktop", str(source), "--export-pdf",
                           str(out)], env, run_dir)
        s0, s1, said = spawn([sys.executable, __file__, "--child", str(source), str(out)], env, run_dir)
        if not n:
            continue
        bare.append((b1 - b0) / 1e6)
        whole.append((w1 - w0) / 1e6)
        staged.append((s1 - s0) / 1e6)
        previous = s0
        marks = [*json.loads(said.strip().splitlines()[-1]), ["exit (interpreter teardown)", s1, None]]
        for label, at, peak in marks:
            steps.setdefault(label, []).append((at - previous) / 1e6)
            if peak is not None:
                peaks.setdefault(label, []).append(peak)
            previous = at
    load_after = bench.load_average()

    print("\n".join(bench.machine(load_before, load_after)))
    print(f"\n`revmentor FILE --export-pdf OUT.pdf`, {args.sessions:,} sessions: medians of {args.runs} "
          "fresh processes\n")
    width = max(len(label) for label in steps)
    print(f"| {'step':{width}} | time      | peak RSS after |")
    print(f"|{'-' * (width + 2)}|-----------|----------------|")
    for label, values in steps.items():
        rss = f"{statistics.median(peaks[label]):6.1f} MB" if label in peaks else "—"
        print(f"| {label:{width}} | {statistics.median(values):6.0f} ms | {rss:>14} |")
    b = statistics.median(bare)
    print(f"\nstep by step, whole: {statistics.median(staged):.0f} ms; the real command: "
          f"{statistics.median(whole):.0f} ms = {statistics.median(whole) / b:.2f} × the bare PDF "
          f"process ({b:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
