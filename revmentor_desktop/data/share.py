"""The partner exchange in a few calls (the CLI's and the window's way in): write my share, plan
an import of theirs, carry it out, start a new file from one. The format: `share_format`; what an
import does: `share_merge`; how it is written: `share_apply`."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

from revmentor_desktop.data.files import discard, place_new_file, refuse_overwriting, require_folder
from revmentor_desktop.data.share_apply import Image, apply_plan
from revmentor_desktop.data.share_format import Share, read_share, write_share
from revmentor_desktop.data.share_kinds import other
from revmentor_desktop.data.share_local import read_records
from revmentor_desktop.data.share_merge import Plan, plan_import, resolve
from revmentor_desktop.data.store import Store
from revmentor_desktop.errors import ErrorKind, KnownError

__all__ = [
    "Image",
    "Plan",
    "Share",
    "apply_plan",
    "export_share",
    "new_from_share",
    "plan_from",
    "read_share",
]


#: Why a share is not written over the partnership file (or another name of it).
SHARE_OVER_FILE = "The share cannot overwrite the partnership file."


def refuse_older_format(path: Path, then: str) -> NoReturn:
    """KnownError: a file in an earlier format has no lasting stable ids until it is brought up to
    date in place (as the window does when it opens it); a share written from, or imported into,
    an upgraded copy of it could never be exchanged again. `then`: what to do next ("share it")."""
    raise KnownError(
        ErrorKind.CANNOT_WRITE,
        f"“{path.name}” is in the file format of an earlier RevMentor, which the exchange cannot use.",
        f"Open it in RevMentor once where it can be written (that brings it up to date), then "
        f"{then}. It was left as it was.")


def export_share(store: Store, out: Path) -> int:
    """Write my share of `store`'s partnership to `out`; how many records it holds."""
    refuse_overwriting(out, store.shown_path, SHARE_OVER_FILE)
    if store.upgraded_copy:
        refuse_older_format(store.shown_path, "share it")
    return write_share(read_records(store, include_private=False), out)


def plan_from(store: Store, share: Share) -> Plan:
    """What importing `share` into `store` would do (nothing written)."""
    return plan_import(share, read_records(store, include_private=True))


@dataclass(frozen=True)
class Started:
    path: Path
    me: str
    records: int


def new_from_share(share_path: Path, path: Path) -> Started:
    """Create the partner's own file at `path` from their share: the same partnership (its stable
    id), with "I am" the other side, holding everything the share holds. Refuses an existing file;
    built under a temporary name, so a failure leaves nothing behind."""
    path = Path(path)
    if path.exists() or path.is_symlink():
        raise KnownError(ErrorKind.ALREADY_EXISTS, f"“{path}” already exists; it was left as it was.")
    require_folder(path)
    share = read_share(share_path)
    agreement = share.records["agreement"][share.pair].data
    me = other(share.author)
    tmp = path.with_name(f".{path.name}.from-share-{os.getpid()}")
    try:
        store = Store.create(tmp, {
            "mentor_name": agreement["mentor_name"], "mentee_name": agreement["mentee_name"],
            "me": me, "organisation": agreement["organisation"],
            "start_date": agreement["start_date"], "review_date": agreement["review_date"],
            "cadence_days": agreement["cadence_days"],
            "duration_minutes": agreement["duration_minutes"],
        }, shown=path)
        try:
            conn = store.raw()
            try:
                conn.execute("UPDATE partnership SET pair_uid = ? WHERE id = 1", (share.pair,))
            finally:
                conn.close()
            plan = plan_from(store, share)
            resolve(plan, prefer="theirs")  # a new file has nothing of its own to keep
            apply_plan(store, plan)
        finally:
            store.close()
        place_new_file(tmp, path)
    except BaseException:
        discard(tmp)
        with contextlib.suppress(OSError):
            Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise
    return Started(path, me, share.count())
