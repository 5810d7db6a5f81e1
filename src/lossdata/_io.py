"""Safe file output: unpredictable temporary names, fsync, rename, cleanup on SIGTERM.

Every file lossdata writes goes through ``atomic_write``; a set of files that must
change together (the charts) goes through ``replace_dir``. A reader sees the old
file or the new one, never half of one; a planted symlink at a temporary name
cannot redirect the write (``mkstemp`` opens with ``O_EXCL``); an interrupted or
terminated write leaves no temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["atomic_open", "atomic_write", "replace_dir", "terminate_as_exit"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _raise_exit(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def terminate_as_exit() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit`` inside the block, so ``finally`` clauses clean up.

    Only in the main thread and only where SIGTERM has its default action (a handler
    the program installed, or an ignored signal, is left alone); restored afterwards.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.getsignal(signal.SIGTERM)
    if previous is not signal.SIG_DFL:
        yield
        return
    signal.signal(signal.SIGTERM, _raise_exit)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (best effort: not every platform allows it)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that replaces ``path`` when the block ends without an exception.

    A temporary file from ``mkstemp`` in the target folder is written, flushed,
    fsynced, given normal permissions (0o666 less the umask: mkstemp makes 0o600) and
    renamed over ``path``. On any exception it is removed (SIGTERM too, inside
    ``terminate_as_exit``).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and exc.filename is None:
            exc.filename = str(path)  # "No space left on device" names the file
        raise
    _fsync_dir(path.parent)


def atomic_write(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see ``atomic_open``); return the path."""
    with terminate_as_exit(), atomic_open(path) as fh:
        fh.write(data)
    return Path(path)


def replace_dir(
    target: str | os.PathLike[str], fill: Callable[[Path], object], *, owned: set[str]
) -> Path:
    """Replace the folder ``target`` as a whole with what ``fill(staging)`` writes.

    ``fill`` writes into a fresh private folder next to ``target``; only when it has
    finished is the set swapped in, so a failure leaves the old set untouched. When
    ``target`` holds files other than ``owned`` (names this set may write), they are
    kept: the new files are renamed into it one by one (each atomically) and stale
    owned files removed, instead of swapping the folder.
    """
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(f"{target}: exists and is not a folder")
    parent = target.resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    mode = 0o777 & ~_umask()
    with terminate_as_exit():
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
        old: Path | None = None
        try:
            fill(staging)
            for f in staging.iterdir():
                os.chmod(f, 0o666 & ~_umask())
            os.chmod(staging, mode)
            foreign = target.is_symlink() or (
                target.is_dir() and any(p.name not in owned for p in target.iterdir())
            )
            if foreign:
                _move_files(staging, target, owned)
            else:
                if target.is_dir():
                    old = Path(
                        tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent)
                    )
                    os.replace(target, old)
                try:
                    os.replace(staging, target)
                except BaseException:
                    if old is not None:
                        os.replace(old, target)
                        old = None
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if old is not None:
                shutil.rmtree(old, ignore_errors=True)
    _fsync_dir(parent)
    return target


def _move_files(staging: Path, target: Path, owned: set[str]) -> None:
    """Rename every staged file into ``target``; remove owned files not written this time."""
    written = {f.name for f in staging.iterdir()}
    for f in sorted(staging.iterdir()):
        os.replace(f, target / f.name)
    for name in sorted(owned - written):
        with contextlib.suppress(FileNotFoundError):
            (target / name).unlink()
    _fsync_dir(target)
