"""The `revmentor` command: argument parsing and the headless paths (no window, no Qt widgets).

Heavy modules are imported only on the path that needs them, so `--version` and `--help` answer
at once and a window path never pays for what it does not use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from revmentor_desktop import FILE_SUFFIX, __version__
from revmentor_desktop.errors import ErrorKind, KnownError

EPILOG = f"""\
examples:
  revmentor                               open the last partnership (or start a new one)
  revmentor ours{FILE_SUFFIX}                   open a partnership file
  revmentor --make-sample s{FILE_SUFFIX}        write a sample partnership to try the app
  revmentor --make-sample big{FILE_SUFFIX} --sessions 10000
  revmentor ours{FILE_SUFFIX} --export-pdf summary.pdf
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="revmentor",
        description="RevMentor Desktop: goals, sessions, SWOT and skills for one "
        "reverse-mentoring partnership, kept in a file you own.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file", nargs="?", metavar="FILE", type=Path,
        help=f"partnership file to open (*{FILE_SUFFIX}); default: the last one used",
    )
    parser.add_argument(
        "--make-sample", metavar="FILE", type=Path,
        help="write a new, realistic sample partnership to FILE (never overwrites) and exit",
    )
    parser.add_argument(
        "--export-pdf", metavar="OUT.pdf", type=Path,
        help="write FILE's PDF summary (private entries are never included) to OUT.pdf and exit",
    )
    parser.add_argument(
        "--sessions", metavar="N", type=int, default=None,
        help="with --make-sample: how many journal sessions to write (default 24)",
    )
    parser.add_argument("--version", action="version", version=f"revmentor {__version__}")
    return parser


def _fail(message: str) -> int:
    print(f"revmentor: error: {message}", file=sys.stderr)
    return 2 if message.startswith("usage") else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)

    if args.sessions is not None and args.make_sample is None:
        parser.error("--sessions only goes with --make-sample")
    if args.make_sample is not None:
        if args.file is not None:
            parser.error("--make-sample takes its own FILE; do not give another")
        sessions = 24 if args.sessions is None else args.sessions
        if not 0 <= sessions <= 100_000:
            parser.error("--sessions must be from 0 to 100000")
        from revmentor_desktop.data.sample import make_sample

        try:
            make_sample(args.make_sample, sessions)
        except KnownError as exc:
            return _fail(exc.one_line())
        print(f"Wrote a sample partnership with {sessions} sessions to {args.make_sample}")
        return 0

    if args.export_pdf is not None:
        if args.file is None:
            parser.error("--export-pdf needs the partnership FILE to export")
        try:
            return export_pdf(args.file, args.export_pdf)
        except KnownError as exc:
            return _fail(exc.one_line())

    from revmentor_desktop.app import run

    return run(args.file)


def export_pdf(source: Path, target: Path) -> int:
    """The headless export: no window, no display (Qt draws off-screen), one line on success."""
    import os

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never needs (or touches) a display
    from PySide6.QtGui import QGuiApplication

    from revmentor_desktop.data.store import Store
    from revmentor_desktop.report.pdf import page_size_for_locale, write_pdf
    from revmentor_desktop.report.summary import ExportOptions, build_summary

    app = QGuiApplication.instance() or QGuiApplication(["revmentor"])
    del app
    if target.suffix.lower() != ".pdf":
        raise KnownError(ErrorKind.CANNOT_WRITE, f"“{target}” should end in .pdf.")
    if target.resolve() == source.resolve():
        raise KnownError(ErrorKind.CANNOT_WRITE, "The PDF cannot overwrite the partnership file.")
    store = Store.open(source, read_only=True)
    try:
        summary = build_summary(store, ExportOptions(page_size=page_size_for_locale()))
    finally:
        store.close()
    pages = write_pdf(summary, target)
    print(f"Wrote {pages} page{'s' if pages != 1 else ''} to {target}", flush=True)
    # The process ends now: spare the collector its walk over every object at exit (~0.4 s).
    import gc

    gc.freeze()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
