"""Turn bytes into text, or say clearly why not (binary, wrong encoding, too large)."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
import zlib
from typing import BinaryIO

from newsbrief.errors import InputError

# A NUL byte in the first block is the cheapest reliable sign of a binary file
# (images, PDFs, archives); text encodings we accept never contain it except UTF-16.
_SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
# an encoding declaration: "charset=" or "encoding=", optionally quoted, then the encoding's name
_DECLARATION = re.compile(rb"""(?:charset|encoding)=["'\s]*([a-z0-9][\w.:-]*)""")
# Declared names that browsers read with a larger codec (the WHATWG Encoding Standard's label
# table: "gb2312" and "gbk" are decoded as GBK, whose decoder is gb18030's). Python's own gb2312
# maps a few bytes elsewhere (0xA1AA to U+2015, not the dash U+2014 that browsers and trafilatura
# show; seen on the bench's tune half, bench/bench_extraction.py --half tune).
_BROWSER_CODECS = dict.fromkeys(("gb2312", "gbk", "x-gbk", "csgb2312", "chinese", "gb_2312", "gb_2312-80"), "gb18030")


def _human(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes``; refuse (without reading the rest) when there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"larger than the {_human(max_bytes)} limit (raise it with --max-bytes)")
    return data


def read_path(path: str, max_bytes: int) -> bytes:
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    if size > max_bytes:
        raise InputError(
            path, f"{_human(size)} is larger than the {_human(max_bytes)} limit (raise it with --max-bytes)"
        )
    try:
        # O_NONBLOCK: a FIFO put in the file's place after it was checked must not block the read
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputError(path, "not a regular file; skipped (only regular files are read)")
            return read_limited(handle, path, max_bytes)
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None


def read_stdin(max_bytes: int) -> bytes:
    return read_limited(sys.stdin.buffer, "<stdin>", max_bytes)


def gunzip(data: bytes, name: str, max_bytes: int) -> bytes:
    """The content of a gzip file (Gigaword ships ``afp_eng_199405.gz``), refused past ``max_bytes``
    of output without inflating the rest (a gzip bomb costs nothing)."""
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise InputError(name, f"not a valid gzip file ({exc})") from None
    if len(out) > max_bytes:
        raise InputError(name, f"uncompressed larger than the {_human(max_bytes)} limit (raise it with --max-bytes)")
    return out


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode strictly: UTF-8 (BOM allowed), UTF-16 with a BOM, or the encoding asked for."""
    if not data.strip():
        raise InputError(name, "is empty")
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(
                name, f"not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start})"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "has a UTF-16 byte-order mark but is not valid UTF-16") from None
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise InputError(name, "looks like a binary file (contains NUL bytes), not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        # an HTML or XML page that names its own encoding ("charset=iso-8859-1"); a page saved
        # inside a wrapper (an archive's frame declaring UTF-8 above the original's "gb2312")
        # names several: the first that decodes every byte is the one its text is written in
        for declared in _declared_charsets(data):
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError(
            name,
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "re-encode it as UTF-8 or pass --encoding, e.g. --encoding cp1252",
        ) from None


def decode_page(data: bytes) -> tuple[str, str]:
    """An HTML page that :func:`decode` refuses, read as a browser reads it: in its declared
    encoding with undecodable bytes replaced (pages that declare UTF-8 and hold a few Latin-1
    bytes), or, with no declaration, in windows-1252 (the web's default for undeclared legacy
    pages) when that decodes, else UTF-8 with replacement. Returns ``(text, how)``."""
    for declared in _declared_charsets(data):  # the first one Python knows
        try:
            return data.decode(declared, errors="replace"), f"as its declared {declared}, bad bytes replaced"
        except LookupError:
            pass
    try:
        return data.decode("cp1252"), "as windows-1252 (no usable declared encoding)"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "as UTF-8, bad bytes replaced"


def _declared_charsets(data: bytes) -> list[str]:
    """The encodings a page declares in its first block, in order, each once: ``<meta
    charset="...">``, ``<meta http-equiv="Content-Type" content="text/html; charset=...">`` or
    ``<?xml ... encoding="..."?>``."""
    head = data[:_SNIFF_BYTES].lower()
    found: list[str] = []
    for match in _DECLARATION.finditer(head):
        name = match.group(1).decode("ascii")
        name = _BROWSER_CODECS.get(name, name)
        if name not in found:
            found.append(name)
    return found
