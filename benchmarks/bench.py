"""RevMentor Desktop's performance budgets, measured the way the user meets them.

    python benchmarks/bench.py [--sizes 500,10000] [--runs 5] [--check] [--work DIR]

Builds sample partnerships with the app's own generator (`data.sample.make_sample`; cached in the
work folder, keyed by size and by the generator's source, so reruns are fast), measures, and prints
the machine and ONE markdown-style table: figure | median | budget | result. `--check` exits 1 when
any budget is missed (a figure that cannot be measured, e.g. a tab that does not exist yet, counts
as missed). Progress goes to stderr, so stdout can be pasted into the README as it is.

The figures (the first size given is "small", the last "large"; defaults 500 and 10,000 sessions):

- Cold start, as ratios. Each start-up is a FRESH process (`_probe.py`), with a fresh, empty
  XDG_CONFIG_HOME / XDG_DATA_HOME (no recent files, no settings leak in; so no backup of the file
  exists yet and the app's backup-on-open is part of the time, as on a file's first open) and
  QT_QPA_PLATFORM=offscreen with a 1920×1200 screen at scale 1 (Qt still lays out and paints
  every widget; it just does not show them; the screen is set because the app fits its window to
  the screen, and the platform's own 800×800 would shrink it below the reference's size). The clock starts in this process just before the child is spawned, so interpreter
  start-up and every import count. "Painted" means the end of the paint pass (every widget
  painted, backing store flushed), observed by an event filter; the app's code runs unchanged,
  with two observers attached (see `_probe.py`). The reference is a bare PySide6 window
  (QApplication + a QMainWindow of the app's size, shown and painted) measured in the same run,
  interleaved with the app runs. Dividing by it largely cancels the machine, the Python and Qt
  build and the disk, so the budgets hold on any computer; that is why they are ratios.
    * first painted main window (small file): `revmentor FILE` (the real `cli.main`) until the main
      window's first paint — what the user sees first;
    * data on screen (large file): until the first paint, after `open_file` has returned, that
      draws the current tab (Overview) — the partnership is on screen.
  One untimed warm-up run of each kind goes first. "Cold" therefore means a cold *process*: the OS
  file cache is warm (unavoidable, and what a user who starts the app twice a day gets).
  The package is imported as an installed app imports it: with its bytecode already compiled
  (`pip install` compiles it; a checkout has it after its first run). So the fresh processes import
  a copy of this checkout's package whose bytecode is written before the runs (`stage_package`),
  just as the reference's PySide6 comes with its own. An info row gives data on screen with no
  bytecode at all (every process compiles the package, as on a machine that sets
  PYTHONDONTWRITEBYTECODE=1 and runs a checkout), measured in the same runs.
- In this process, the large file is opened in a MainWindow the same way (shown, `open_file`, its
  data painted), then left to settle until its set of tabs stops changing (tabs built later).
- Tab switch (large file, in this process): `window.show_tab(i)` + `processEvents()` + a forced
  `window.repaint()`, for every tab that exists in `window.tabs` at run time, after one warm-up
  visit of each; median of several cycles per tab. The worst tab is the judged figure.
- Journal search per keystroke (large file): the query typed one character at a time into the
  Journal tab's search box ("board pres", "linkedin", "prompt"); each keystroke's
  `run_search()` + `processEvents()` is timed (the debounce timer is left out). Median over all
  keystrokes of three rounds, and the slowest keystroke: both have a budget (a median that hides
  a keystroke users feel is not met).
- Saving one edit (large file): one key typed into a field, then the field's debounced save run
  now (`window.flush()`, what the debounce timer's timeout does) + `processEvents()`: the one write
  path (`Document.update`: transaction, undo step, `changed` signal, every tab's reaction and
  repaint). Two fields: Overview › Organisation (a partnership edit, the brief's example) and
  Journal › Notes (an entry edit: the one users make most, every pause while typing notes).
  Median of up to 50 edits each (fewer if they are so slow that 50 would take over 8 s). An info
  row gives the data layer's share alone (`ops.update_partnership` on the small file: transaction
  and commit; with synchronous=FULL the commit waits for the disk, so this part is the machine's).
- Skills tab: first open in a fresh process with the large file open (matplotlib not yet imported):
  from `show_tab(skills)` until the chart canvas has been painted with its figure drawn; and the
  redraw after a change of the Skills filter until the canvas is painted again (median, in this
  process). "n/a" (and a miss under --check) while no Skills tab is registered.
- PDF export (small file, in this process): `build_summary` + `write_pdf` with every section and
  the skills chart, median of 3. The file is opened beforehand, as it is in the app.
- Partner exchange (a sample pair of the small size, `make_pair`, in this process): the mentee's
  file writes its share (`export_share`: the read and the atomic write); the mentor's file imports
  it (`read_share` + `plan_from` + `apply_plan`: the mentee's side of every session, their grid,
  ratings and check-ins arrive); then the same share is imported again (read, compared, nothing to
  write). Median of 3, each import on a fresh copy of the mentor's file.
- Command-line export (small file), as a ratio: `revmentor FILE --export-pdf OUT.pdf` (run as
  `python -m revmentor_desktop …`, exactly what the `revmentor` script runs) as a whole FRESH
  process, timed from just before the spawn until it has exited (interpreter start-up, every
  import and teardown count: the user waits for the prompt). The reference is `_bare_pdf.py`: a
  bare process that imports PySide6.QtGui, makes a QGuiApplication (off-screen), opens a
  QPdfWriter and writes one line of text with QPainter, then exits. Both run with the same
  environment as the start-up probes, interleaved, after one untimed warm-up of each; each must
  exit 0 having written a PDF. `export_breakdown.py` splits this figure into its steps.
- Peak memory: in the same fresh processes as the Skills first open, with the large file open,
  every tab visited and a journal search done: `getrusage(RUSAGE_SELF).ru_maxrss`, median,
  in decimal MB (10^6 bytes; `top` and `ps` show KiB, so their figure reads ~5% lower).

The 1-minute load average before and after the run is printed with the machine: on a busy
machine absolute times are inflated (the start-up ratios, interleaved with their reference, less
so). Samples are copied to a per-run folder before use (the app backs up, locks and edits what it
opens), and this checkout's package is the one measured (its root goes first on sys.path; the
children's PYTHONPATH starts with the staged copy of it and of `resources/`) — whether the package
is installed editable, from a wheel or not at all (its dependencies are needed): the app reads its
bundled files through `revmentor_desktop.assets`, which falls back to the `resources/` folder
beside the package. The XDG variables only redirect settings on Linux/BSD; elsewhere the
benchmark still runs, but uses the real settings folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PROBE = HERE / "_probe.py"
BARE_PDF = HERE / "_bare_pdf.py"
for _p in (str(HERE), str(REPO)):  # this checkout, not whatever is installed
    if _p not in sys.path:
        sys.path.insert(0, _p)

# -- budgets ---------------------------------------------------------------------------------------

FIRST_PAINT_MAX_RATIO = 1.5
DATA_ON_SCREEN_MAX_RATIO = 3.0
TAB_SWITCH_MAX_MS = 30.0
SEARCH_KEYSTROKE_MAX_MS = 20.0  # the median keystroke…
SEARCH_KEYSTROKE_WORST_MAX_MS = 40.0  # …and the slowest one: both are judged
SAVE_EDIT_MAX_MS = 5.0
SKILLS_FIRST_OPEN_MAX_S = 0.8
SKILLS_REDRAW_MAX_MS = 40.0
PDF_EXPORT_MAX_S = 1.5
CLI_EXPORT_MAX_RATIO = 8.0
PEAK_RSS_MAX_MB = 170.0
SHARE_WRITE_MAX_S = 0.5
SHARE_IMPORT_MAX_S = 0.5
SHARE_REIMPORT_MAX_S = 0.2
SHARE_RUNS = 3

TAB_CYCLES = 7
SEARCH_ROUNDS = 3
SAVE_EDITS = 50
SAVE_WARMUP = 3
SAVE_MIN_EDITS = 10
SAVE_TIME_CAP_S = 8.0
REDRAWS = 12
PDF_RUNS = 3
CHILD_TIMEOUT_S = 180.0
#: Above this 1-minute load average per core, the machine was not quiet and the output says so.
BUSY_LOAD_PER_CORE = 0.5
#: What the sample generator is made of (relative to the package; patterns, so that a module or a
#: data file the generator is split into is part of the cache key without being listed here).
GENERATOR_SOURCES = ("data/sample*.py", "data/sample*.json", "data/models.py", "data/migrations.py")


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def ms_since(start_ns: int) -> float:
    return (time.monotonic_ns() - start_ns) / 1e6


# -- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One line of the table. `status` is pass, FAIL, n/a or error (judged rows) or ref/info."""

    figure: str
    value: str
    budget: str = "—"
    status: str = "info"

    @property
    def missed(self) -> bool:
        return self.status in ("FAIL", "n/a", "error")


def judged(figure: str, value: float | None, limit: float, shown: str, budget: str,
           missing: str = "error") -> Row:
    if value is None:
        return Row(figure, missing, budget, "n/a" if missing.startswith("n/a") else "error")
    return Row(figure, shown, budget, "pass" if value <= limit else "FAIL")


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def fmt_s(seconds: float) -> str:
    return f"{seconds:.3f} s"


def fmt_ms(ms: float) -> str:
    return f"{ms:.1f} ms"


def table(rows: Sequence[Row]) -> str:
    header = ("figure", "median", "budget", "result")
    cells = [header, *((r.figure, r.value, r.budget, r.status) for r in rows)]
    widths = [max(len(c[i]) for c in cells) for i in range(4)]
    lines = ["| " + " | ".join(c[i].ljust(widths[i]) for i in range(4)) + " |" for c in cells]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


# -- the machine -----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return platform.processor() or platform.machine()
    for key in ("model name", "Hardware", "Processor", "cpu model"):
        for line in text.splitlines():
            name, _, value = line.partition(":")
            if name.strip() == key and value.strip():
                return value.strip()
    return platform.machine()


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except (AttributeError, OSError):  # not on Windows
        return None


def machine(load_before: float | None, load_after: float | None) -> list[str]:
    import PySide6
    from PySide6.QtCore import qVersion

    cores = os.cpu_count() or 1
    lines = [
        f"Machine: {platform.platform()}",
        f"CPU: {cpu_model()}, {cores} logical cores",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"PySide6 {PySide6.__version__} (Qt {qVersion()}), QT_QPA_PLATFORM=offscreen",
    ]
    if load_before is not None and load_after is not None:
        line = f"Load average (1 min) before / after the run: {load_before:.2f} / {load_after:.2f}"
        if max(load_before, load_after) > BUSY_LOAD_PER_CORE * cores:
            line += " — other work was running: absolute times are inflated (ratios less so)"
        lines.append(line)
    return lines


# -- sample files ----------------------------------------------------------------------------------


def generator_key() -> str:
    """Changes when the generator or the schema does, so a stale cached sample is never used."""
    digest = hashlib.sha256()
    package = REPO / "revmentor_desktop"
    for pattern in GENERATOR_SOURCES:
        for path in sorted(package.glob(pattern)):
            digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cached_sample(work: Path, sessions: int) -> Path:
    """The sample with `sessions` sessions, made with the app's generator on first use."""
    from revmentor_desktop.data.sample import make_sample

    path = work / f"sample-{sessions}-{generator_key()}.revmentor"
    if not path.exists():
        log(f"making a {sessions:,}-session sample (cached in {work})…")
        part = work / f".{path.name}.{os.getpid()}.part"
        part.unlink(missing_ok=True)
        make_sample(part, sessions)
        os.replace(part, path)
    return path


# -- fresh processes -------------------------------------------------------------------------------


class ProbeError(RuntimeError):
    pass


def offscreen_platform(folder: Path) -> str:
    """QT_QPA_PLATFORM for an off-screen desktop of 1920×1200 at scale 1: the app fits its windows
    to the screen, and the off-screen platform's own screen (800×800) would shrink the app's window
    below the bare reference's, flattering the app."""
    config = folder / "offscreen-screen.json"
    config.write_text(json.dumps({"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920,
                                               "height": 1200, "logicalDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


#: Where the fresh processes import the package from (`stage_package`): compiled to bytecode, as
#: an installed app is, or from source only.
COMPILED, SOURCE = "compiled", "source"


def stage_package(run_dir: Path, kind: str) -> Path:
    """A copy of this checkout's package (and its `resources/`) for the fresh processes to import:
    COMPILED has its bytecode written beforehand, as `pip install` writes it (and as a checkout has
    it after its first run, on a machine that lets Python cache bytecode); SOURCE has none, so
    every process compiles the package, as on a machine that sets PYTHONDONTWRITEBYTECODE=1. Either
    way the children run with PYTHONDONTWRITEBYTECODE=1, so no run changes what the next one finds."""
    root = run_dir / kind
    shutil.copytree(REPO / "revmentor_desktop", root / "revmentor_desktop",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(REPO / "resources", root / "resources")
    if kind == COMPILED:
        import compileall

        prefix, sys.pycache_prefix = sys.pycache_prefix, None  # beside the sources, where the
        try:                                                   # children (no prefix) look
            compiled = compileall.compile_dir(root / "revmentor_desktop", quiet=1)
        finally:
            sys.pycache_prefix = prefix
        if not compiled or not (root / "revmentor_desktop" / "__pycache__").is_dir():
            raise SystemExit("could not compile the package's bytecode for the start-up runs")
    return root


def child_env(run_dir: Path, kind: str = COMPILED) -> dict[str, str]:
    """Off-screen Qt, this checkout's package (staged as `kind`) first on the path, and
    settings/app-data folders of its own."""
    home = Path(tempfile.mkdtemp(prefix="xdg-", dir=run_dir))
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = offscreen_platform(run_dir)
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(run_dir / kind), os.environ.get("PYTHONPATH")) if p)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPYCACHEPREFIX", None)  # the staged copy's own __pycache__ is the one read
    return env


def spawn(what: str, cmd: list[str], run_dir: Path,
          kind: str = COMPILED) -> tuple[int, subprocess.CompletedProcess[str]]:
    """Run `cmd` in a fresh process with the probes' environment until it exits; (start_ns taken
    just before spawning, the finished process)."""
    env = child_env(run_dir, kind)
    start = time.monotonic_ns()
    try:
        # In the run folder: `python -m` puts the working folder first on sys.path, and from the
        # checkout's root that would import the checkout instead of the staged copy.
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S,
                              check=False, cwd=run_dir)
    except subprocess.TimeoutExpired as exc:
        raise ProbeError(f"{what}: no answer in {CHILD_TIMEOUT_S:.0f} s") from exc
    return start, done


def probe(mode: str, run_dir: Path, file: Path | None = None,
          kind: str = COMPILED) -> tuple[int, dict[str, Any]]:
    """Run `_probe.py MODE [FILE]` in a fresh process; (start_ns taken just before spawning, result)."""
    cmd = [sys.executable, str(PROBE), mode, *([str(file)] if file is not None else [])]
    start, done = spawn(mode, cmd, run_dir, kind)
    lines = done.stdout.strip().splitlines()
    try:
        result = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        result = {}
    if not isinstance(result, dict) or not result or "error" in result:
        why = result.get("error") if isinstance(result, dict) and result else f"exit {done.returncode}"
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise ProbeError(f"{mode}: {why}\n{tail}")
    return start, result


@dataclass
class Startup:
    bare_s: list[float] = field(default_factory=list)
    small_first_paint_s: list[float] = field(default_factory=list)
    small_data_s: list[float] = field(default_factory=list)
    large_first_paint_s: list[float] = field(default_factory=list)
    large_data_s: list[float] = field(default_factory=list)
    large_open_s: list[float] = field(default_factory=list)
    #: data on screen (large file) with the package compiled from source in every process
    large_data_source_s: list[float] = field(default_factory=list)
    heavy_at_first_paint: set[str] = field(default_factory=set)
    error: str | None = None


def measure_startup(small: Path, large: Path, runs: int, run_dir: Path) -> Startup:
    out = Startup()
    try:
        log("start-up: warm-up runs (not counted)…")
        probe("bare", run_dir)
        probe("app", run_dir, small)
        probe("app", run_dir, large)
        probe("app", run_dir, large, SOURCE)
        for n in range(1, runs + 1):
            log(f"start-up: run {n}/{runs} (bare window, app small, app large, app large from source)…")
            start, r = probe("bare", run_dir)
            out.bare_s.append((r["first_paint_ns"] - start) / 1e9)
            start, r = probe("app", run_dir, small)
            out.small_first_paint_s.append((r["first_paint_ns"] - start) / 1e9)
            out.small_data_s.append((r["data_ns"] - start) / 1e9)
            out.heavy_at_first_paint.update(r["heavy_at_first_paint"])
            start, r = probe("app", run_dir, large)
            out.large_first_paint_s.append((r["first_paint_ns"] - start) / 1e9)
            out.large_data_s.append((r["data_ns"] - start) / 1e9)
            out.large_open_s.append((r["open_end_ns"] - r["open_start_ns"]) / 1e9)
            out.heavy_at_first_paint.update(r["heavy_at_first_paint"])
            start, r = probe("app", run_dir, large, SOURCE)
            out.large_data_source_s.append((r["data_ns"] - start) / 1e9)
    except ProbeError as exc:
        out.error = str(exc)
        log(f"start-up failed: {exc}")
    return out


@dataclass
class CliExport:
    bare_s: list[float] = field(default_factory=list)
    export_s: list[float] = field(default_factory=list)
    pages: str = ""
    error: str | None = None


def run_to_exit(what: str, cmd: list[str], run_dir: Path, out_pdf: Path) -> tuple[float, str]:
    """Run `cmd` in a fresh process (same environment as the probes) until it exits; (seconds from
    just before the spawn to its exit, stdout). It must exit 0 having written a PDF to `out_pdf`."""
    out_pdf.unlink(missing_ok=True)
    start, done = spawn(what, cmd, run_dir)
    elapsed = (time.monotonic_ns() - start) / 1e9
    try:
        head = out_pdf.read_bytes()[:5]
    except OSError:
        head = b""
    if done.returncode != 0 or head != b"%PDF-":
        why = f"exit {done.returncode}" if done.returncode else "no PDF written"
        tail = "\n".join(done.stderr.strip().splitlines()[-8:])
        raise ProbeError(f"{what}: {why}\n{tail}")
    return elapsed, done.stdout


def measure_cli_export(source: Path, runs: int, run_dir: Path) -> CliExport:
    """`revmentor FILE --export-pdf OUT.pdf` (as `python -m revmentor_desktop`, which is what the
    `revmentor` script runs) against `_bare_pdf.py`, whole processes until they exit, interleaved."""
    out = CliExport()
    target = run_dir / "cli-export.pdf"
    export = [sys.executable, "-m", "revmentor_desktop", str(source), "--export-pdf", str(target)]
    bare = [sys.executable, str(BARE_PDF), str(target)]
    try:
        log("command-line export: warm-up runs (not counted)…")
        run_to_exit("bare PDF", bare, run_dir, target)
        run_to_exit("revmentor --export-pdf", export, run_dir, target)
        for n in range(1, runs + 1):
            log(f"command-line export: run {n}/{runs} (bare PDF, revmentor --export-pdf)…")
            out.bare_s.append(run_to_exit("bare PDF", bare, run_dir, target)[0])
            elapsed, said = run_to_exit("revmentor --export-pdf", export, run_dir, target)
            out.export_s.append(elapsed)
            out.pages = said.strip().removeprefix("Wrote ").partition(" to ")[0]  # "34 pages"
    except ProbeError as exc:
        out.error = str(exc)
        log(f"command-line export failed: {exc}")
    return out


@dataclass
class Session:
    tabs: list[str] = field(default_factory=list)
    chart_first_open_s: list[float] = field(default_factory=list)
    matplotlib_preloaded: bool = False
    peak_rss_mb: list[float] = field(default_factory=list)
    error: str | None = None


def measure_sessions(large: Path, runs: int, run_dir: Path) -> Session:
    out = Session()
    try:
        for n in range(1, runs + 1):
            log(f"fresh session {n}/{runs}: open, first chart, every tab, search, peak memory…")
            _, r = probe("session", run_dir, large)
            out.tabs = r["tabs"]
            out.peak_rss_mb.append(r["peak_rss_mb"])
            if "chart_first_open_s" in r:
                out.chart_first_open_s.append(r["chart_first_open_s"])
                out.matplotlib_preloaded |= bool(r["matplotlib_before_chart"])
    except ProbeError as exc:
        out.error = str(exc)
        log(f"session failed: {exc}")
    return out


# -- in this process -------------------------------------------------------------------------------


@dataclass
class InProcess:
    tab_switch_ms: dict[str, list[float]] = field(default_factory=dict)
    search_ms: list[float] = field(default_factory=list)
    save_ms: dict[str, list[float]] = field(default_factory=dict)  # "partnership", "journal"
    save_errors: dict[str, str] = field(default_factory=dict)
    write_ms: list[float] = field(default_factory=list)
    redraw_ms: list[float] = field(default_factory=list)
    has_skills: bool = False
    pdf_s: list[float] = field(default_factory=list)
    pdf_pages: int = 0
    share_write_s: list[float] = field(default_factory=list)
    share_import_s: list[float] = field(default_factory=list)
    share_reimport_s: list[float] = field(default_factory=list)
    share_records: int = 0
    share_changes: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # step name (or "window") -> what failed

    def error(self, step: str) -> str:
        """Why `step` has no figure: its own failure, or the window's."""
        return self.errors.get(step) or self.errors.get("window") or "not measured"


@contextmanager
def stopwatch(into: list[float], scale: float = 1e6) -> Iterator[None]:
    """Append the elapsed time of the block to `into` (ms by default; scale=1e9 for seconds)."""
    start = time.monotonic_ns()
    yield
    into.append((time.monotonic_ns() - start) / scale)


def measure_tab_switches(window: Any, watcher: Any, out: InProcess) -> None:
    import _probe
    from PySide6.QtWidgets import QApplication

    tabs = window.tabs
    skills = _probe.find_skills_tab(window)
    for i in range(tabs.count()):  # warm-up: every tab's first visit (the chart's has its own figure)
        window.show_tab(i)
        if skills is not None and i == skills[0] and getattr(skills[1], "canvas", None) is None:
            watcher.wait_for(lambda painted, t=skills[1]: _probe.chart_drawn(t, painted))
        QApplication.processEvents()
        window.repaint()
    names = [_probe.tab_name(window, i) for i in range(tabs.count())]
    out.tab_switch_ms = {name: [] for name in names}
    for _cycle in range(TAB_CYCLES):
        for i, name in enumerate(names):
            with stopwatch(out.tab_switch_ms[name]):
                window.show_tab(i)
                QApplication.processEvents()
                window.repaint()


def measure_search(window: Any, out: InProcess) -> None:
    import _probe
    from PySide6.QtWidgets import QApplication

    found = _probe.find_journal_tab(window)
    if found is None:
        raise RuntimeError("no Journal tab with a search box")
    index, tab = found
    window.show_tab(index)
    QApplication.processEvents()
    for _round in range(SEARCH_ROUNDS):
        for text in _probe.SEARCH_WORDS:
            for n in range(1, len(text) + 1):
                tab.search.setText(text[:n])  # what the keystroke does; its debounce timer is stopped
                with stopwatch(out.search_ms):
                    tab.run_search()
                    QApplication.processEvents()
            tab.search.clear()
            tab.run_search()
            QApplication.processEvents()


def type_and_save(window: Any, index: int, box: Any) -> list[float]:
    """Type into `box` on tab `index`, then time the save its debounce timer would run; ms per edit.

    Each edit is one key (an "x", then a Backspace, and so on: the text really changes every
    time). `window.flush()` runs the field's pending save now — exactly what the debounce timer's
    timeout does — and `processEvents()` lets every tab's reaction repaint.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    window.show_tab(index)
    QApplication.processEvents()
    box.setFocus()
    if isinstance(box, QLineEdit):
        box.end(False)
    else:
        box.moveCursor(QTextCursor.MoveOperation.End)
    keys = (Qt.Key.Key_X, Qt.Key.Key_Backspace)
    samples: list[float] = []
    began = time.monotonic()
    for n in range(SAVE_WARMUP + SAVE_EDITS):
        QTest.keyClick(box, keys[n % 2])  # the field's saver now waits to save
        with stopwatch(samples):
            window.flush()
            QApplication.processEvents()
        if n >= SAVE_WARMUP + SAVE_MIN_EDITS and time.monotonic() - began > SAVE_TIME_CAP_S:
            break
    return samples[SAVE_WARMUP:]


def measure_save(window: Any, out: InProcess) -> None:
    """Saving an edit of Overview > Organisation (partnership) and of Journal > Notes (an entry)."""
    import _probe

    from revmentor_desktop.data import ops, reads

    found = _probe.find_tab(window, has="organisation")
    if found is None:
        out.save_errors["partnership"] = "n/a (no Organisation field)"
    else:
        index, tab = found
        out.save_ms["partnership"] = type_and_save(window, index, tab.organisation)
        saved = reads.get_partnership(window.doc.store).organisation
        if saved != tab.organisation.text():
            out.save_errors["partnership"] = "error (the file does not hold what was typed)"

    found = _probe.find_journal_tab(window)
    notes = getattr(getattr(found[1], "editor", None), "notes", None) if found else None
    if found is None or notes is None:
        out.save_errors["journal"] = "n/a (no Journal notes field)"
    else:
        index, tab = found
        out.save_ms["journal"] = type_and_save(window, index, notes)
        entry_id = tab.editor.entry_id
        if entry_id is None or ops.get_entry(window.doc.store, entry_id).notes != notes.toPlainText():
            out.save_errors["journal"] = "error (the file does not hold what was typed)"


def measure_write(small: Path, out: InProcess) -> None:
    """The data layer's part of a save alone: one `ops.update_partnership` (transaction + commit,
    which SQLite's synchronous=FULL makes wait for the disk). No Qt: what is left of a save's
    UI-thread time once no tab reacts to it."""
    from revmentor_desktop.data import ops, reads
    from revmentor_desktop.data.store import Store

    store = Store.open(small)
    try:
        base = reads.get_partnership(store).organisation
        for n in range(SAVE_WARMUP + SAVE_EDITS):
            with stopwatch(out.write_ms):
                ops.update_partnership(store, organisation=base + "x" * (n % 2))
        del out.write_ms[:SAVE_WARMUP]
    finally:
        store.close()


def measure_redraw(window: Any, watcher: Any, out: InProcess) -> None:
    import _probe
    from PySide6.QtWidgets import QApplication

    found = _probe.find_skills_tab(window)
    if found is None:
        return
    out.has_skills = True
    index, tab = found
    window.show_tab(index)
    QApplication.processEvents()
    if getattr(tab, "canvas", None) is None:
        watcher.wait_for(lambda painted: _probe.chart_drawn(tab, painted))
    combo = getattr(tab, "skill_filter", None)
    for n in range(REDRAWS):
        start = time.monotonic_ns()
        if combo is not None and combo.count() >= 2:  # what the user does: pick another skill
            combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())
        else:
            tab.redraw_chart()
        watcher.wait_for(lambda painted: _probe.chart_drawn(tab, painted), timeout_s=30)
        if n:  # the first one may still pay for fonts and the like
            out.redraw_ms.append(ms_since(start))


def measure_pdf(small: Path, run_dir: Path, out: InProcess) -> None:
    from revmentor_desktop.data.store import Store
    from revmentor_desktop.report.pdf import page_size_for_locale, write_pdf
    from revmentor_desktop.report.summary import ExportOptions, build_summary

    store = Store.open(small, read_only=True)
    try:
        for n in range(1, PDF_RUNS + 1):
            log(f"PDF export {n}/{PDF_RUNS}…")
            with stopwatch(out.pdf_s, scale=1e9):
                summary = build_summary(store, ExportOptions(page_size=page_size_for_locale()))
                out.pdf_pages = write_pdf(summary, run_dir / "summary.pdf")
    finally:
        store.close()


def measure_share(sessions: int, run_dir: Path, out: InProcess) -> None:
    """The partner exchange on a sample pair (`make_pair`): the mentee writes their share, the
    mentor imports it (their side of every session, their grid, ratings and check-ins arrive), then
    imports the same share again (nothing new: read, compared, nothing written). Reading the share
    file is part of each import."""
    from revmentor_desktop.data import share
    from revmentor_desktop.data.sample_pair import make_pair
    from revmentor_desktop.data.store import Store

    folder = run_dir / "pair"
    folder.mkdir()
    a, b = folder / "mentor.revmentor", folder / "mentee.revmentor"
    make_pair(a, b, sessions)
    shared = folder / "mentee.revshare"
    mentee = Store.open(b)
    try:
        for _n in range(SHARE_RUNS):
            with stopwatch(out.share_write_s, scale=1e9):
                out.share_records = share.export_share(mentee, shared)
    finally:
        mentee.close()
    for n in range(SHARE_RUNS):
        log(f"share import {n + 1}/{SHARE_RUNS}…")
        target = folder / f"mentor-{n}.revmentor"
        shutil.copyfile(a, target)
        store = Store.open(target)
        try:
            with stopwatch(out.share_import_s, scale=1e9):
                plan = share.plan_from(store, share.read_share(shared))
                share.apply_plan(store, plan)
            counts = plan.counts()
            out.share_changes = f"{counts['add']} added, {counts['update']} changed"
            with stopwatch(out.share_reimport_s, scale=1e9):
                again = share.plan_from(store, share.read_share(shared))
                if not again.is_empty():
                    share.apply_plan(store, again)
            if again.items:
                raise RuntimeError(f"a second import of the same share changes {len(again.items)} records")
        finally:
            store.close()


def measure_in_process(small: Path, large: Path, run_dir: Path) -> InProcess:
    import _probe

    out = InProcess()
    steps: list[tuple[str, Callable[[], None]]] = []
    try:
        log(f"in-process: opening {large.name}…")
        _app, window, watcher = _probe.open_window(str(large))
        steps = [
            ("tabs", lambda: measure_tab_switches(window, watcher, out)),
            ("search", lambda: measure_search(window, out)),
            ("save", lambda: measure_save(window, out)),
            ("redraw", lambda: measure_redraw(window, watcher, out)),
        ]
    except Exception as exc:  # noqa: BLE001 (reported in the table; the other figures still run)
        out.errors["window"] = f"{type(exc).__name__}: {exc}"
        log(f"in-process: could not open the window: {out.errors['window']}")
    steps.append(("write", lambda: measure_write(small, out)))
    steps.append(("pdf", lambda: measure_pdf(small, run_dir, out)))
    small_n = int(small.stem.rsplit("-", 1)[-1])
    steps.append(("share", lambda: measure_share(small_n, run_dir, out)))
    for name, step in steps:
        log(f"in-process: {name}…")
        try:
            step()
        except Exception as exc:  # noqa: BLE001 (reported; one broken figure must not hide the others)
            out.errors[name] = f"{type(exc).__name__}: {exc}"
            log(f"in-process: {name} failed: {out.errors[name]}")
    return out


# -- the table -------------------------------------------------------------------------------------


def startup_rows(st: Startup, small_n: int, large_n: int) -> list[Row]:
    small, large = f"{small_n:,} sessions", f"{large_n:,} sessions"
    if st.error or not st.bare_s:
        why = f"error: {(st.error or 'no runs').splitlines()[0]}"
        return [Row(f"cold start → first painted main window ({small})", why,
                    f"≤ {FIRST_PAINT_MAX_RATIO:g} × bare", "error"),
                Row(f"cold start → data on screen ({large})", why,
                    f"≤ {DATA_ON_SCREEN_MAX_RATIO:g} × bare", "error")]
    bare = median(st.bare_s)

    def ratio_row(figure: str, values: list[float], limit: float | None) -> Row:
        budget = "—" if limit is None else f"≤ {limit:g} × bare"
        if not values:
            return Row(figure, f"error: {(st.error or 'no runs').splitlines()[0]}", budget, "error")
        m = median(values)
        shown = f"{fmt_s(m)} = {m / bare:.2f} × bare"
        if limit is None:
            return Row(figure, shown)
        return judged(figure, m / bare, limit, shown, budget)

    return [
        Row("bare PySide6 window → first paint (the reference)", fmt_s(bare), "—", "ref"),
        ratio_row(f"cold start → first painted main window ({small})", st.small_first_paint_s,
                  FIRST_PAINT_MAX_RATIO),
        ratio_row(f"cold start → data on screen ({large})", st.large_data_s, DATA_ON_SCREEN_MAX_RATIO),
        ratio_row(f"  (cold start → data on screen, {small})", st.small_data_s, None),
        ratio_row(f"  (cold start → first painted main window, {large})", st.large_first_paint_s, None),
        ratio_row(f"  (cold start → data on screen, {large}, package compiled from source)",
                  st.large_data_source_s, None),
    ]


def cli_export_rows(ce: CliExport, small_n: int) -> list[Row]:
    figure = f"command line: revmentor FILE --export-pdf OUT.pdf ({small_n:,} sessions), to exit"
    budget = f"≤ {CLI_EXPORT_MAX_RATIO:g} × bare PDF"
    if ce.error or not ce.bare_s or not ce.export_s:
        return [Row(figure, f"error: {(ce.error or 'no runs').splitlines()[0]}", budget, "error")]
    bare, export = median(ce.bare_s), median(ce.export_s)
    shown = f"{fmt_s(export)} = {export / bare:.2f} × bare PDF ({ce.pages})"
    return [
        Row("bare PySide6 PDF (QGuiApplication, QPdfWriter, one line) → exit (the reference)",
            fmt_s(bare), "—", "ref"),
        judged(figure, export / bare, CLI_EXPORT_MAX_RATIO, shown, budget),
    ]


def in_process_rows(ip: InProcess, se: Session, ce: CliExport, large_n: int,
                    small_n: int) -> list[Row]:
    large = f"{large_n:,} sessions"
    rows: list[Row] = []
    budget = f"≤ {TAB_SWITCH_MAX_MS:g} ms"
    if ip.tab_switch_ms:
        medians = {name: median(v) for name, v in ip.tab_switch_ms.items()}
        worst = max(medians, key=lambda name: medians[name])
        rows.append(judged(f"switching tabs ({large}), worst: {worst}", medians[worst],
                           TAB_SWITCH_MAX_MS, fmt_ms(medians[worst]), budget))
        rows += [judged(f"  switch to {name}", m, TAB_SWITCH_MAX_MS, fmt_ms(m), budget)
                 for name, m in medians.items()]
    else:
        rows.append(Row(f"switching tabs ({large})", f"error: {ip.error('tabs')}", budget, "error"))

    budget = f"≤ {SEARCH_KEYSTROKE_MAX_MS:g} ms (max ≤ {SEARCH_KEYSTROKE_WORST_MAX_MS:g} ms)"
    figure = f"journal search, per keystroke ({large_n:,} entries)"
    if ip.search_ms:
        m, worst_ms = median(ip.search_ms), max(ip.search_ms)
        met = m <= SEARCH_KEYSTROKE_MAX_MS and worst_ms <= SEARCH_KEYSTROKE_WORST_MAX_MS
        rows.append(Row(figure, f"{fmt_ms(m)} (max {fmt_ms(worst_ms)})", budget,
                        "pass" if met else "FAIL"))
    else:
        rows.append(Row(figure, f"error: {ip.error('search')}", budget, "error"))

    budget = f"≤ {SAVE_EDIT_MAX_MS:g} ms"
    for key, what in (("partnership", "Overview › Organisation"), ("journal", "Journal › Notes")):
        figure = f"saving one edit, UI thread: {what} ({large})"
        samples = ip.save_ms.get(key)
        error = ip.save_errors.get(key)
        if samples and error is None:
            m = median(samples)
            rows.append(judged(figure, m, SAVE_EDIT_MAX_MS, f"{fmt_ms(m)} (max {fmt_ms(max(samples))})",
                               budget))
        else:
            error = error or f"error: {ip.error('save')}"
            rows.append(Row(figure, error, budget, "n/a" if error.startswith("n/a") else "error"))
    if ip.write_ms:
        rows.append(Row("  (of which the data-layer write alone: transaction + commit to disk)",
                        f"{fmt_ms(median(ip.write_ms))} (max {fmt_ms(max(ip.write_ms))})"))

    no_skills = "n/a (no Skills tab)"
    budget = f"≤ {SKILLS_FIRST_OPEN_MAX_S:g} s"
    figure = "Skills tab first open, matplotlib import included"
    if se.error:
        rows.append(Row(figure, f"error: {se.error.splitlines()[0]}", budget, "error"))
    else:
        first = median(se.chart_first_open_s) if se.chart_first_open_s else None
        shown = fmt_s(first) if first is not None else ""
        if first is not None and se.matplotlib_preloaded:
            shown += " (matplotlib was already imported!)"
        rows.append(judged(figure, first, SKILLS_FIRST_OPEN_MAX_S, shown, budget, no_skills))
    budget = f"≤ {SKILLS_REDRAW_MAX_MS:g} ms"
    figure = "Skills chart redraw (filter changed)"
    if ip.redraw_ms:
        m = median(ip.redraw_ms)
        rows.append(judged(figure, m, SKILLS_REDRAW_MAX_MS, fmt_ms(m), budget))
    else:
        missing = no_skills if not ip.has_skills else f"error: {ip.error('redraw')}"
        rows.append(judged(figure, None, SKILLS_REDRAW_MAX_MS, "", budget, missing))

    budget = f"≤ {PDF_EXPORT_MAX_S:g} s"
    figure = f"PDF export with chart ({small_n:,} sessions)"
    if ip.pdf_s:
        m = median(ip.pdf_s)
        rows.append(judged(figure, m, PDF_EXPORT_MAX_S, f"{fmt_s(m)} ({ip.pdf_pages} pages)", budget))
    else:
        rows.append(Row(figure, f"error: {ip.error('pdf')}", budget, "error"))
    rows += cli_export_rows(ce, small_n)
    rows += share_rows(ip, small_n)

    budget = f"≤ {PEAK_RSS_MAX_MB:g} MB RSS"
    figure = f"peak memory, {large} open, all tabs visited"
    if se.peak_rss_mb:
        m = median(se.peak_rss_mb)
        rows.append(judged(figure, m, PEAK_RSS_MAX_MB, f"{m:.0f} MB", budget))
    else:
        rows.append(Row(figure, f"error: {(se.error or '').splitlines()[0]}", budget, "error"))
    return rows


def share_rows(ip: InProcess, small_n: int) -> list[Row]:
    rows: list[Row] = []
    for figure, values, limit, shown in (
            (f"write a share ({small_n:,}-session pair, mentee's side)", ip.share_write_s,
             SHARE_WRITE_MAX_S, f" ({ip.share_records:,} records)"),
            ("import it into the partner's file", ip.share_import_s, SHARE_IMPORT_MAX_S,
             f" ({ip.share_changes})"),
            ("import the same share again", ip.share_reimport_s, SHARE_REIMPORT_MAX_S, "")):
        budget = f"≤ {limit:g} s"
        if values:
            m = median(values)
            rows.append(judged(figure, m, limit, fmt_s(m) + shown, budget))
        else:
            rows.append(Row(figure, f"error: {ip.error('share')}", budget, "error"))
    return rows


# -- main ------------------------------------------------------------------------------------------


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of whole numbers: {text!r}") from None
    if not sizes or any(not 0 < n <= 100_000 for n in sizes):
        raise argparse.ArgumentTypeError("sizes are session counts from 1 to 100000")
    return sizes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Measure RevMentor Desktop against its performance budgets.",
        epilog="The first size is the small file (first paint, PDF exports), the last the large one.")
    parser.add_argument("--sizes", type=parse_sizes, default=[500, 10_000], metavar="N,N",
                        help="sample sizes in sessions (default 500,10000)")
    parser.add_argument("--runs", type=int, default=5, metavar="N",
                        help="fresh processes per start-up / session figure (default 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 when any budget is missed")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "revmentor-bench",
                        metavar="DIR", help="where samples are cached (default: %(default)s)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.runs < 1:
        raise SystemExit("--runs must be 1 or more")
    small_n, large_n = args.sizes[0], args.sizes[-1]
    work: Path = args.work.expanduser().resolve()
    work.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=work))
    began = time.monotonic()
    load_before = load_average()
    try:
        # This process measures too: off-screen, and never near the user's own settings or files.
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(run_dir)
        os.environ["XDG_CONFIG_HOME"] = str(run_dir / "self" / "config")
        os.environ["XDG_DATA_HOME"] = str(run_dir / "self" / "data")
        small = run_dir / f"small-{small_n}.revmentor"
        large = run_dir / f"large-{large_n}.revmentor"
        exported = run_dir / f"export-{small_n}.revmentor"  # untouched by the start-up runs' edits
        shutil.copyfile(cached_sample(work, small_n), small)
        shutil.copyfile(small, exported)
        shutil.copyfile(cached_sample(work, large_n), large)

        for kind in (COMPILED, SOURCE):
            stage_package(run_dir, kind)
        startup = measure_startup(small, large, args.runs, run_dir)
        cli_export = measure_cli_export(exported, args.runs, run_dir)
        session = measure_sessions(large, args.runs, run_dir)
        in_process = measure_in_process(small, large, run_dir)

        rows = startup_rows(startup, small_n, large_n) + in_process_rows(
            in_process, session, cli_export, large_n, small_n)
        print("\n".join(machine(load_before, load_average())))
        print()
        print(table(rows))
        print()
        tabs = ", ".join(session.tabs or list(in_process.tab_switch_ms)) or "?"
        heavy = ", ".join(sorted(startup.heavy_at_first_paint)) or "none"
        processes = f"{args.runs} fresh process{'es' if args.runs != 1 else ''}"
        print(f"Tabs measured: {tabs}. Start-up, Skills first open and memory: median of {processes} "
              f"each. Heavy modules already imported at the first paint: {heavy}.")
        if startup.large_open_s:
            print(f"MainWindow.open_file of the {large_n:,}-session file took "
                  f"{fmt_s(median(startup.large_open_s))} of its cold start.")
        log(f"done in {time.monotonic() - began:.0f} s")
        missed = [r for r in rows if r.missed]
        if args.check and missed:
            log(f"{len(missed)} budget(s) missed: " + "; ".join(r.figure.strip() for r in missed))
            return 1
        return 0
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip Qt's teardown of the measured window: not part of any figure
