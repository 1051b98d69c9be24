"""Where a report goes: standard output, or `--output FILE` written so that nothing is lost or
half-written, whatever FILE is (a new file, a file to replace, a symbolic or hard link, a
device or a pipe)."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, NamedTuple

from altgafam.errors import InputError
from altgafam.normalize import printable

# A report for standard output is held here first, so that an error half-way leaves nothing
# truncated on the terminal or in a pipe; past this size it spills to a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024
CHUNK = 1024 * 1024
# Standard output is written a pipe's buffer at a time: a reader that stops early (| head)
# is then seen at the next write, as EPIPE, instead of by one huge write that may not fail.
PIPE_BLOCK = 65536


class Target(NamedTuple):
    """A checked `--output`: the path to write, and how (see `check_output`)."""

    path: Path
    in_place: bool  # written through (device, pipe, hard link), not replaced
    mode: int  # the permissions a replacing file gets
    owner: tuple[int, int] | None  # (uid, gid) a replacing file keeps, when root can


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_output(raw: str, inputs: Iterable[str] = ()) -> Target | None:
    """`--output` checked before any work: None for standard output ('-'); else where and
    how to write. A symbolic link is followed to its target; a device, a pipe or a file with
    other hard links is written in place (renaming over it would replace the device or break
    the link); the file of a list being read is refused."""
    if raw == "-":
        return None
    given = Path(raw)
    if raw.endswith(("/", os.sep)) and not given.is_dir():
        raise InputError(f"{raw}: directory {given} does not exist")
    if given.is_dir():
        raise InputError(f"{raw}: is a directory")
    try:
        found: os.stat_result | None = os.stat(given)  # through symbolic links
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise InputError(f"{raw}: cannot write ({exc.strerror or exc})") from None
    if found is not None and not stat.S_ISREG(found.st_mode):
        # /dev/null, /dev/stdout, a pipe: written through the name given, never replaced.
        return Target(given, True, 0, None)
    # A symbolic link is followed: its target is what gets replaced, the link stays.
    path = Path(os.path.realpath(given))
    if not path.parent.is_dir():
        raise InputError(f"{raw}: directory {given.parent} does not exist")
    for source in inputs:
        if found is not None and source != "-" and _same(source, path):
            raise InputError(f"{raw}: is the list being read; give another output file")
    if found is None:
        return Target(path, False, 0o666 & ~_umask(), None)
    return Target(
        path, found.st_nlink > 1, stat.S_IMODE(found.st_mode), (found.st_uid, found.st_gid)
    )


def _same(source: str, path: Path) -> bool:
    try:
        return os.path.samefile(source, path)
    except OSError:
        return False


class StdoutClosed(InputError):
    """Standard output was closed (`>&-`) and the report has nowhere to go."""


def write_output(text: str | Iterable[str], output: Target | None) -> None:
    """Write the report, which may come in chunks. To standard output: only once it is whole.
    To a file: into a temporary file beside it, renamed into place with the mode the file
    had (or the umask's, for a new file); in place for devices, pipes and hard links, from
    the finished temporary file. An error or a signal leaves the old file as it was and no
    temporary file behind."""
    # Every report is valid UTF-8: a lone surrogate (an undecodable byte of a file name, say)
    # that got this far becomes U+FFFD.
    parts = map(printable, [text] if isinstance(text, str) else text)
    if output is None:
        _to_stdout(parts)
        return
    import tempfile

    directory = output.path.parent if not output.in_place else None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{output.path.name}.", dir=directory)
    except OSError as exc:
        raise _cannot_write(output.path, exc) from None
    try:
        with os.fdopen(fd, "w+", encoding="utf-8", newline="\n") as handle:
            for part in parts:
                handle.write(part)
            handle.flush()
            if output.in_place:
                handle.seek(0)
                _copy_into(handle, output.path)
            else:
                _settle(tmp, output)
                os.replace(tmp, output.path)
    except OSError as exc:
        raise _cannot_write(output.path, exc) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _settle(tmp: str, output: Target) -> None:
    """Give the new file the mode (and, for root, the owner) the file it replaces had."""
    os.chmod(tmp, output.mode)
    if output.owner is not None and hasattr(os, "chown"):
        # Not root: the file becomes ours, as with any editor's save.
        with contextlib.suppress(PermissionError):
            os.chown(tmp, *output.owner)


def _copy_into(source: IO[str], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as target:
        while block := source.read(CHUNK):
            target.write(block)


def _cannot_write(path: Path, exc: OSError) -> InputError:
    return InputError(f"{path}: cannot write ({exc.strerror or exc})")


def _to_stdout(parts: Iterable[str]) -> None:
    import tempfile

    if sys.stdout is None:  # started with standard output closed (>&-)
        raise StdoutClosed("standard output is closed; give --output FILE")
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES, "w+", encoding="utf-8") as spool:
        for part in parts:
            spool.write(part)
        spool.seek(0)
        try:
            while block := spool.read(PIPE_BLOCK):
                sys.stdout.write(block)
                sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise InputError(f"standard output: cannot write ({exc.strerror or exc})") from None
