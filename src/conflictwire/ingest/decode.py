"""Bytes to text: refuse what is not text, recover what is text in another encoding."""

from __future__ import annotations

from charset_normalizer import from_bytes

from conflictwire.errors import BinaryInput, EmptyInput, TooLarge

MAX_BYTES = 10_000_000


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> tuple[str, str | None]:
    """Return (text, warning). The warning says when the input was not valid UTF-8."""
    if not data.strip():
        raise EmptyInput("empty input")
    if len(data) > max_bytes:
        raise TooLarge(
            f"input is {len(data) / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (raise it with --max-bytes)"
        )
    head = data[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise BinaryInput("binary data, not text or HTML")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    best = from_bytes(data).best()
    if best is None:
        raise BinaryInput("binary data, not text or HTML (no text encoding fits)")
    text = str(best)
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text[:20000]) * 0.01:
        raise BinaryInput("binary data, not text or HTML")
    return text, f"not valid UTF-8 (byte {first_bad}); read as {best.encoding}"
