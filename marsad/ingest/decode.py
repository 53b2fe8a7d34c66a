"""Bytes to text: BOMs, UTF-8, UTF-16/32 and legacy Arabic code pages, detected from the bytes.

A byte-order mark decides first. Then strict UTF-8. Otherwise charset-normalizer
detects the encoding among the ones Arabic text is found in; a result that does
not look like text is refused rather than guessed.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from marsad.errors import BinaryInputError, DecodeError, EmptyInputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings that Arabic news files come in, besides UTF-8.
LEGACY_ENCODINGS = ("cp1256", "iso8859_6", "cp720", "cp864", "mac_arabic", "utf_16", "cp1252", "latin_1")
_CONTROL = {c for c in range(32) if chr(c) not in "\t\n\r\f\v"}


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """The text in ``data`` and the name of the encoding it was in."""
    if not data.strip():
        raise EmptyInputError("empty input", path=path)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :].decode(encoding), path), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} after its byte-order mark: {exc.reason}", path=path) from None
    if _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        try:
            return _checked(data.decode(encoding), path), encoding
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:8192]:
        raise BinaryInputError("binary data (NUL bytes), not text", path=path)
    try:
        return _checked(data.decode("utf-8"), path), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise DecodeError("unknown text encoding: not UTF-8, UTF-16 or an Arabic code page", path=path)
    return _checked(str(best), path), best.encoding


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte is NUL for Latin, or the 0x06 page for Arabic."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    high = sample[1::2] if sample[1::2].count(0) + sample[1::2].count(6) > sample[0::2].count(0) else sample[0::2]
    share = (high.count(0) + high.count(6)) / max(1, len(high))
    return share > 0.9


def _checked(text: str, path: str | None) -> str:
    """Refuse decoded text that is mostly control characters (binary data decoded by luck)."""
    sample = text[:8192]
    if not sample.strip():
        raise EmptyInputError("empty input (only white space)", path=path)
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL or ch == "\ufffd")
    if controls / len(sample) > 0.05:
        raise BinaryInputError("binary data, not text", path=path)
    return text
