"""The office server: one Python install runs the Excel buttons for every PC in the office.

`create_app()` is a small FastAPI app. `POST /{script}` takes the workbook as
xlwings' clients post it (VBA `RunRemotePython`, Office.js), runs one of the
three scripts on `xw.Book(json=...)` and returns the actions the client
replays. Only these scripts (and Isi Kode) are callable. A token (the `Authorization`
header, as `RunRemotePython ..., auth:=` sends it) is required whenever one is
configured, and `serve` refuses to listen beyond this computer without one.
Requests are capped in size; a bad request gets a 4xx with a one-line message
in Bahasa Indonesia as plain text, which the VBA client shows as it is.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from collections.abc import Callable
from typing import Any

import xlwings as xw
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from renja_xl.errors import RenjaError
from renja_xl.excel import scripts

__all__ = ["MAX_REQUEST_BYTES", "create_app", "is_local", "serve"]

MAX_REQUEST_BYTES = 64 * 1024 * 1024
"""Largest request accepted; a 10,000-row Tabel 3.1 posts about 3 MB."""

_SCRIPTS: dict[str, Callable[[xw.Book], Any]] = {
    name: getattr(scripts, name) for name in scripts.SCRIPTS
}
_log = logging.getLogger("renja_xl.server")


class _Refused(Exception):
    """A request answered with a 4xx and a message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _authorised(request: Request, token: str | None) -> bool:
    if not token:
        return True
    sent = request.headers.get("authorization", "")
    sent = sent[7:] if sent.lower().startswith("bearer ") else sent
    return hmac.compare_digest(sent.encode(), token.encode())


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise _Refused(413, _too_large(limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _Refused(413, _too_large(limit))
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large(limit: int) -> str:
    return f"Permintaan terlalu besar (lebih dari {limit // (1024 * 1024)} MB); ditolak."


def _book(body: bytes) -> xw.Book:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _Refused(400, "Isi permintaan bukan JSON yang sah.") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("sheets"), list):
        raise _Refused(422, "Isi permintaan bukan data workbook dari xlwings "
                            "(tidak ada daftar 'sheets').")
    if payload.get("version") != xw.__version__ and payload.get("client") != "Office.js":
        raise _Refused(422, f"Versi xlwings di Excel ({payload.get('version')}) berbeda dengan "
                            f"di server ({xw.__version__}); samakan versinya.")
    try:
        return xw.Book(json=payload)
    except Exception as exc:  # xlwings raises many kinds on malformed payloads
        raise _Refused(422, f"Data workbook tidak dapat dibaca ({type(exc).__name__}).") from None


def _run(script: Callable[[xw.Book], Any], book: xw.Book) -> dict[str, Any]:
    try:
        script(book)
    except RenjaError as exc:
        raise _Refused(422, str(exc)) from None
    except Exception as exc:  # a payload of the wrong shape fails deep inside the script
        _log.exception("skrip gagal")
        raise _Refused(422, "Data workbook tidak dapat diproses "
                            f"({type(exc).__name__}: {exc}).") from None
    return book.json()


def create_app(token: str | None = None, max_bytes: int = MAX_REQUEST_BYTES) -> FastAPI:
    """The app: `POST /validasi`, `/hitung_subtotal`, `/isi_prakiraan_maju`, `/isi_kode`."""
    app = FastAPI(title="Renja XL", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/")
    def root() -> dict[str, Any]:
        return {"layanan": "Renja XL", "skrip": list(_SCRIPTS), "xlwings": xw.__version__}

    @app.post("/{name}", response_model=None)
    async def run(name: str, request: Request) -> JSONResponse | PlainTextResponse:
        try:
            if not _authorised(request, token):
                raise _Refused(401, "Token salah atau tidak ada; periksa RENJA_TOKEN.")
            script = _SCRIPTS.get(name)
            if script is None:
                raise _Refused(404, f"Skrip '{name}' tidak dikenal; yang tersedia: "
                                    + ", ".join(_SCRIPTS) + ".")
            book = _book(await _body(request, max_bytes))
            return JSONResponse(await run_in_threadpool(_run, script, book))
        except _Refused as refused:
            return PlainTextResponse(refused.message, status_code=refused.status)

    return app


def is_local(host: str) -> bool:
    """Whether a listening address is reachable from this computer only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(host: str = "127.0.0.1", port: int = 8000, token: str | None = None) -> None:
    """Run the server until stopped (refuses to listen beyond localhost without a token)."""
    import uvicorn

    if not is_local(host) and not token:
        raise RenjaError(f"server yang mendengarkan di {host} (bukan hanya komputer ini) wajib "
                         "memakai token: berikan --token atau isi variabel RENJA_TOKEN")
    uvicorn.run(create_app(token), host=host, port=port, log_level="info")
