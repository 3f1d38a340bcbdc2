"""A document sent to the browser as a file to keep: an ASCII name for old clients, the Chinese name for the rest."""

from __future__ import annotations

from urllib.parse import quote

from fastapi.responses import Response


def attachment(content: bytes, media_type: str, name: str, ascii_name: str) -> Response:
    """``name`` is what the office sees (RFC 6266 ``filename*``); ``ascii_name`` is the fallback."""
    disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": disposition})
