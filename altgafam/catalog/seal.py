"""Cache files sealed with a key kept outside the cache folder, so that a file planted or
edited there is never unpickled nor believed: it fails its check and the cache misses.

The seal is keyed BLAKE2b (RFC 7693's MAC mode): HMAC-SHA256 would do as well, but `hmac`
imports OpenSSL and `hashlib` (about 3 ms, a tenth of a warm scan), `_blake2` a third of a
millisecond. The key is 32 random bytes in the user's data folder (`cache.key`, 0600)."""

from __future__ import annotations

import os
from pathlib import Path

KEY_ENV = "ALTGAFAM_DATA_DIR"
KEY_NAME = "cache.key"
KEY_BYTES = 32
MAGIC = b"altgafam-sealed-1\n"
_TAG_BYTES = 32


def key_file() -> Path:
    """Where the key is kept: `cache.key` in the user's data folder (ALTGAFAM_DATA_DIR moves
    it), never in the cache folder, which is what it guards."""
    configured = os.environ.get(KEY_ENV)
    if configured:
        return Path(configured) / KEY_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir("altgafam", appauthor=False)) / KEY_NAME


def seal(purpose: str, payload: bytes) -> bytes | None:
    """`payload` with its seal, ready to be written; None when there is no usable key (the
    cache is then not written: an unsealed file would never be read back)."""
    key = _key(create=True)
    if key is None:
        return None
    return MAGIC + _tag(key, purpose, payload) + payload


def unseal(purpose: str, sealed: bytes) -> bytes | None:
    """The payload `seal(purpose, ...)` sealed; None for anything else: a file from an older
    version, an edited or planted one, or no key to check it with."""
    if not sealed.startswith(MAGIC):
        return None
    key = _key(create=False)
    if key is None:
        return None
    start = len(MAGIC) + _TAG_BYTES
    tag, payload = sealed[len(MAGIC) : start], sealed[start:]
    return payload if _same(tag, _tag(key, purpose, payload)) else None


def _tag(key: bytes, purpose: str, payload: bytes) -> bytes:
    try:
        from _blake2 import blake2b  # CPython's own module, without hashlib's start-up cost
    except ImportError:  # pragma: no cover - another interpreter
        from hashlib import blake2b
    # `person` keeps the kinds of cache apart: a licence file cannot pass for a pickle.
    return blake2b(payload, key=key, digest_size=_TAG_BYTES, person=purpose.encode()[:16]).digest()


def _same(a: bytes, b: bytes) -> bool:
    """Compared in constant time, as hmac.compare_digest does (without importing hmac)."""
    from _operator import _compare_digest  # built into the interpreter, as in hmac

    return _compare_digest(a, b)


def _key(create: bool) -> bytes | None:
    """The key; made on first use when `create`. None when it is missing (and not to be
    made), unreadable, of the wrong size, or readable by others or owned by someone else:
    caching then stops, which costs speed, never correctness."""
    path = key_file()
    try:
        return _read_key(path)
    except FileNotFoundError:
        if not create:
            return None
    except OSError:
        return None
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # O_EXCL: two first runs at once never overwrite each other's key.
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(os.urandom(KEY_BYTES))
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        return _read_key(path)
    except OSError:
        return None


def _read_key(path: Path) -> bytes | None:
    # O_NOFOLLOW: a symbolic link planted in place of the key is not followed.
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    with os.fdopen(os.open(path, flags), "rb") as handle:
        if os.name == "posix":
            info = os.fstat(handle.fileno())
            if info.st_uid != os.getuid() or info.st_mode & 0o077:
                return None
        key = handle.read(KEY_BYTES + 1)
    return key if len(key) == KEY_BYTES else None
