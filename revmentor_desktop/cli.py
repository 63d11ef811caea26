"""The `revmentor` command: argument parsing and the headless paths (no window, no Qt widgets).

Heavy modules are imported only on the path that needs them, so `--version` and `--help` answer
at once and a window path never pays for what it does not use.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from revmentor_desktop import FILE_SUFFIX, __version__
from revmentor_desktop.errors import ErrorKind, KnownError, single_line
from revmentor_desktop.report.sections import ALL_SECTIONS as SECTION_NAMES
from revmentor_desktop.report.sections import RECENT_SESSIONS

EPILOG = f"""\
examples:
  revmentor                               open the last partnership (or start a new one)
  revmentor ours{FILE_SUFFIX}                   open a partnership file
  revmentor --make-sample s{FILE_SUFFIX}        write a sample partnership to try the app
  revmentor --make-sample big{FILE_SUFFIX} --sessions 10000
  revmentor ours{FILE_SUFFIX} --export-pdf summary.pdf
  revmentor ours{FILE_SUFFIX} --export-pdf all.pdf --journal all
  revmentor ours{FILE_SUFFIX} --export-pdf spring.pdf --journal 2026-03-01..2026-05-31
  revmentor ours{FILE_SUFFIX} --export-pdf goals.pdf --sections overview,goals
  revmentor ours{FILE_SUFFIX} --export-share me.revshare      write what your partner may see
  revmentor ours{FILE_SUFFIX} --import-share them.revshare    take in what your partner shared
  revmentor --new-from-share them.revshare mine{FILE_SUFFIX}  start your own file from theirs
  revmentor --make-sample a{FILE_SUFFIX} --pair b{FILE_SUFFIX}  two sides of one sample pair
  revmentor --install-desktop             add RevMentor to your desktop's menu and file types
  revmentor -style fusion ours{FILE_SUFFIX}  Qt's own options (-style, -platform, -reverse…) go to Qt
"""

#: Qt's own command-line options (QApplication's, QGuiApplication's and the X11 platform's) that
#: take a value, as the next argument. They are handed to QApplication, not to our parser.
QT_OPTIONS_WITH_VALUE = frozenset({
    "-platform", "-platformpluginpath", "-platformtheme", "-plugin", "-qwindowgeometry",
    "-qwindowicon", "-qwindowtitle", "-session", "-style", "-stylesheet", "-display", "-geometry",
    "-title", "-icon", "-name", "-font", "-fn", "-bg", "-background", "-fg", "-foreground", "-btn",
    "-button", "-visual", "-ncols", "-cmap", "-im", "-inputstyle",
})
#: A value for the commonest of them, to show in the message when it is missing.
_EXAMPLE = {"-style": "fusion", "-platform": "xcb", "-platformtheme": "gtk3", "-display": ":0",
            "-geometry": "1200x800", "-qwindowgeometry": "1200x800", "-font": "Sans"}
#: Qt's options that stand alone.
QT_FLAGS = frozenset({"-reverse", "-widgetcount", "-nograb", "-dograb", "-sync", "-testability"})
#: Qt's options written with their value after "=" (`-style=fusion`).
QT_OPTIONS_WITH_EQUALS = ("-style=", "-stylesheet=", "-qmljsdebugger=")


def split_qt_arguments(argv: Sequence[str]) -> tuple[list[str], list[str]]:
    """Qt's own options (and their values) apart from ours: (for QApplication, for our parser).

    Nothing after `--` is taken for Qt's (a file named "-reverse" is `-- -reverse`). ValueError
    names an option of Qt's that lacks its value.
    """
    qt: list[str] = []
    ours: list[str] = []
    items = iter(argv)
    for arg in items:
        if arg == "--":
            ours.append(arg)
            ours.extend(items)
            break
        if arg in QT_FLAGS or arg.startswith(QT_OPTIONS_WITH_EQUALS):
            qt.append(arg)
        elif arg in QT_OPTIONS_WITH_VALUE:
            value = next(items, None)
            if value is None:
                raise ValueError(f"Qt's option {arg} needs a value (e.g. {arg} {_EXAMPLE.get(arg, 'VALUE')})")
            qt.extend((arg, value))
        else:
            ours.append(arg)
    return qt, ours


class OneLineParser(argparse.ArgumentParser):
    """argparse, saying a usage error in one line as every other error is said (not after the
    whole usage block), with the way to the full usage."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {single_line(message)} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
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
        "--sections", metavar="LIST",
        help="with --export-pdf: which sections, comma-separated, from "
        f"{','.join(SECTION_NAMES)} (default: all)",
    )
    parser.add_argument(
        "--journal", metavar="WHICH",
        help="with --export-pdf: which sessions the journal highlights show: 'recent' (the 10 most "
        "recent, the default), 'all', or a date range FROM..TO (YYYY-MM-DD; either end may be left "
        "open, e.g. 2026-03-01..)",
    )
    parser.add_argument(
        "--sessions", metavar="N", type=int, default=None,
        help="with --make-sample: how many journal sessions to write (default 24)",
    )
    parser.add_argument(
        "--pair", metavar="FILE2", type=Path,
        help="with --make-sample: also write the partner's matching file to FILE2 (the mentee's "
        "side), so the exchange can be tried: each file then holds one side until they swap shares",
    )
    parser.add_argument(
        "--export-share", metavar="OUT", type=Path,
        help="write FILE's share for your partner (no private entries; see README) to OUT and exit",
    )
    parser.add_argument(
        "--import-share", metavar="SHARE", type=Path,
        help="import your partner's SHARE into FILE (a backup is taken first) and exit; records "
        "both of you changed stop the import unless --prefer says whose to keep",
    )
    parser.add_argument(
        "--prefer", choices=("mine", "theirs"),
        help="with --import-share: settle every record both of you changed this way",
    )
    parser.add_argument(
        "--new-from-share", metavar="SHARE", type=Path,
        help="create FILE, your own file of the partnership, from your partner's SHARE (never "
        "overwrites) and exit",
    )
    parser.add_argument(
        "--install-desktop", action="store_true",
        help="add RevMentor to your desktop's application menu, with its icon and the "
        f"*{FILE_SUFFIX} file type, for you alone (Linux and other freedesktop systems), and exit",
    )
    parser.add_argument(
        "--uninstall-desktop", action="store_true",
        help="remove exactly what --install-desktop added, and exit",
    )
    parser.add_argument("--version", action="version", version=f"revmentor {__version__}")
    return parser


#: What a command line can ask for besides the window (argparse's names): each does its job and
#: exits, so at most one is given.
ACTIONS = ("make_sample", "export_share", "import_share", "new_from_share", "export_pdf",
           "install_desktop", "uninstall_desktop")
#: The actions that take nothing else at all, not even a FILE.
ALONE = ("install_desktop", "uninstall_desktop")
SHARE_ACTIONS = ("export_share", "import_share", "new_from_share")
#: Options that mean something with one action only: option -> that action.
GOES_WITH = {"sessions": "make_sample", "pair": "make_sample", "sections": "export_pdf",
             "journal": "export_pdf", "prefer": "import_share"}


def flag(name: str) -> str:
    """The option argparse calls `name`, as it is typed: "export_pdf" -> "--export-pdf"."""
    return "--" + name.replace("_", "-")


def chosen_action(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str | None:
    """The one action the command line asks for (None: open the window). Options that cannot go
    together, or an option given without the action it goes with, are a usage error: nothing given
    is ever silently ignored."""
    given = [name for name in (*ACTIONS, *GOES_WITH)
             if getattr(args, name) is not None and getattr(args, name) is not False]
    alone = [name for name in given if name in ALONE]
    if alone:
        others = ["FILE"] * (args.file is not None) + [flag(n) for n in given if n != alone[0]]
        if others:
            parser.error(f"{flag(alone[0])} goes alone (not with {', '.join(others)})")
        return alone[0]
    actions = [name for name in given if name in ACTIONS]
    if len(actions) > 1:
        parser.error(f"{' and '.join(map(flag, actions))} cannot go together")
    action = actions[0] if actions else None
    for option, goes_with in GOES_WITH.items():
        if getattr(args, option) is not None and goes_with != action:
            parser.error(f"{flag(option)} only goes with {flag(goes_with)}")
    return action


def _fail(message: str) -> int:
    print(f"revmentor: error: {single_line(message)}", file=sys.stderr)
    return 2 if message.startswith("usage") else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        qt_args, argv = split_qt_arguments(sys.argv[1:] if argv is None else argv)
    except ValueError as exc:
        parser.error(str(exc))
    args = parser.parse_args(argv)

    action = chosen_action(parser, args)
    if action in ALONE:
        return desktop_integration(install=action == "install_desktop")
    if action == "make_sample":
        if args.file is not None:
            parser.error("--make-sample takes its own FILE; do not give another")
        sessions = 24 if args.sessions is None else args.sessions
        if not 0 <= sessions <= 100_000:
            parser.error("--sessions must be from 0 to 100000")
        return make_sample_files(args.make_sample, sessions, args.pair)
    if action in SHARE_ACTIONS:
        return share_command(parser, args, action)
    if action == "export_pdf":
        if args.file is None:
            parser.error("--export-pdf needs the partnership FILE to export")
        sections = parse_sections(parser, args.sections)
        journal = parse_journal(parser, args.journal)
        try:
            return export_pdf(args.file, args.export_pdf, sections, journal)
        except KnownError as exc:
            return _fail(exc.one_line())

    from revmentor_desktop.app import run

    return run(args.file, qt_args)


def make_sample_files(path: Path, sessions: int, pair: Path | None) -> int:
    from revmentor_desktop.data.sample import make_sample

    try:
        if pair is None:
            make_sample(path, sessions)
        else:
            from revmentor_desktop.data.sample_pair import make_pair

            make_pair(path, pair, sessions)
    except KnownError as exc:
        return _fail(exc.one_line())
    held = f"{sessions} session{'' if sessions == 1 else 's'}"
    if pair is None:
        print(single_line(f"Wrote a sample partnership with {held} to {path}"))
    else:
        print(single_line(f"Wrote a sample pair with {held}: {path} (the mentor's side) and {pair} "
                          f"(the mentee's); try revmentor {path} --import-share SHARE after "
                          f"revmentor {pair} --export-share SHARE"))
    return 0


def share_command(parser: argparse.ArgumentParser, args: argparse.Namespace, action: str) -> int:
    """--export-share, --import-share [--prefer] or --new-from-share (`action`) on FILE."""
    if args.file is None:
        parser.error(f"{flag(action)} needs the partnership FILE")
    from revmentor_desktop import share_cli

    try:
        if args.export_share is not None:
            line = share_cli.export_share(args.file, args.export_share)
        elif args.import_share is not None:
            line = share_cli.import_share(args.file, args.import_share, args.prefer)
        else:
            line = share_cli.new_from_share(args.new_from_share, args.file)
    except KnownError as exc:
        return _fail(exc.one_line())
    print(single_line(line), flush=True)
    return 0


def desktop_integration(*, install: bool) -> int:
    """--install-desktop / --uninstall-desktop: one line on what was done (warnings on stderr)."""
    from revmentor_desktop import desktop_entry

    option = "--install-desktop" if install else "--uninstall-desktop"
    if not desktop_entry.supported():
        return _fail(f"{option} is for Linux and other systems with freedesktop desktops; "
                     "on this system, start RevMentor with the revmentor command.")
    layout = desktop_entry.Layout(desktop_entry.data_home())
    try:
        if install:
            command = desktop_entry.launcher()
            outcome = desktop_entry.install(layout, command)
        else:
            outcome = desktop_entry.uninstall(layout)
    except KnownError as exc:
        return _fail(exc.one_line())
    for warning in outcome.warnings:
        print(f"revmentor: warning: {single_line(warning)}", file=sys.stderr)
    if install:
        print(f"Installed RevMentor's desktop entry, icon and file type ({desktop_entry.MIME_TYPE}) "
              f"in {layout.data_home}, starting {' '.join(command)}; "
              "revmentor --uninstall-desktop removes them.")
    elif outcome.changed:
        print(f"Removed RevMentor's desktop entry, icon and file type from {layout.data_home}.")
    else:
        print(f"RevMentor's desktop entry is not installed in {layout.data_home}: nothing to remove.")
    return 0


def parse_sections(parser: argparse.ArgumentParser, text: str | None) -> tuple[str, ...]:
    if text is None:
        return SECTION_NAMES
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    unknown = [n for n in names if n not in SECTION_NAMES]
    if unknown or not names:
        parser.error(f"--sections takes names from {','.join(SECTION_NAMES)}"
                     + (f" (not {', '.join(unknown)})" if unknown else ""))
    return tuple(n for n in SECTION_NAMES if n in names)


#: (from, to, latest): a date range, or the newest `latest` sessions (None: all of them).
JournalChoice = tuple[date | None, date | None, int | None]


def parse_journal(parser: argparse.ArgumentParser, text: str | None) -> JournalChoice:
    if text is None or text.strip().lower() == "recent":
        return None, None, RECENT_SESSIONS
    if text.strip().lower() == "all":
        return None, None, None
    from revmentor_desktop.data.validation import ValidationError, check_date

    start_text, sep, end_text = text.strip().partition("..")
    try:  # YYYY-MM-DD only, as the help says (Python alone would also take 20260301 and 2026-W09-7)
        start = check_date(start_text, "--journal") if start_text else None
        end = check_date(end_text, "--journal") if end_text else None
    except ValidationError:
        start = end = None
        sep = ""
    if not sep or (start is None and end is None):
        parser.error("--journal takes 'recent', 'all' or FROM..TO with dates as YYYY-MM-DD, "
                     "e.g. 2026-03-01..2026-05-31")
    if start and end and end < start:
        parser.error(f"--journal: {end} is before {start}")
    return start, end, None


def _quiet_locale_notice() -> None:
    """Keep Qt's four-line note on a non-UTF-8 locale ("Detected locale "C" …") off stderr: Qt
    switches to UTF-8 by itself, and a command's stderr is its one line, or nothing."""
    from PySide6.QtCore import (
        QMessageLogContext,
        QtMsgType,
        qFormatLogMessage,
        qInstallMessageHandler,
    )

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        # (only the note that Qt has switched: "… but has failed to switch" is news worth telling)
        if not (message.startswith("Detected locale") and "has switched to" in message):
            print(qFormatLogMessage(mode, context, message), file=sys.stderr)

    qInstallMessageHandler(handler)


def export_pdf(source: Path, target: Path, sections: tuple[str, ...] = SECTION_NAMES,
               journal: JournalChoice | None = None) -> int:
    """The headless export: no window, no display (Qt draws off-screen), one line on success."""
    import os

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never needs (or touches) a display
    from PySide6.QtGui import QGuiApplication

    from revmentor_desktop.data.files import refuse_overwriting
    from revmentor_desktop.data.store import Store
    from revmentor_desktop.report.pdf import page_size_for_locale, write_pdf
    from revmentor_desktop.report.summary import ExportOptions, build_summary

    _quiet_locale_notice()
    app = QGuiApplication.instance() or QGuiApplication(["revmentor"])
    del app
    from revmentor_desktop.ui import translations

    translations.install_own()  # the summary in the user's language, as the window writes it
    if target.suffix.lower() != ".pdf":
        raise KnownError(ErrorKind.CANNOT_WRITE, f"“{target}” should end in .pdf.")
    refuse_overwriting(target, source, "The PDF cannot overwrite the partnership file.")
    store = Store.open(source, read_only=True)
    try:
        start, end, latest = journal or (None, None, RECENT_SESSIONS)
        summary = build_summary(store, ExportOptions(
            sections=sections, journal_from=start, journal_to=end, journal_latest=latest,
            page_size=page_size_for_locale()))
    finally:
        store.close()
    pages = write_pdf(summary, target)
    print(single_line(f"Wrote {pages} page{'s' if pages != 1 else ''} to {target}"), flush=True)
    # The process ends now: spare the collector its walk over every object at exit (~0.4 s).
    import gc

    gc.freeze()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
