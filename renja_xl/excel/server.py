"""The office server: one Python install runs the Excel buttons for every PC in the office.

`create_app()` is a small FastAPI app. `POST /{script}` takes the workbook as
xlwings' clients post it (VBA `RunRemotePython`, Office.js), runs one of the
four scripts (Validasi, Hitung Subtotal, Isi Prakiraan Maju, Isi Kode) on
`xw.Book(json=...)` and returns the actions the client replays. A token (the
`Authorization` header, as `RunRemotePython ..., auth:=` sends it) is required
whenever one is configured, and `serve` refuses to listen beyond this computer
without one. Requests are capped in size; a bad request gets a 4xx with a
one-line message in Bahasa Indonesia as plain text, which the VBA client shows
as it is. Without xlwings' licence key (XLWINGS_LICENSE_KEY) the scripts cannot
run: the server says so when it starts and answers 503 with the same sentence.

For xlwings Lite it also serves, to any origin (CORS), the installed renja_xl as
a wheel and a ready requirements.txt: `GET /lite/requirements.txt`.
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
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from renja_xl.errors import RenjaError
from renja_xl.excel import scripts
from renja_xl.excel.wheel import lite_requirements, own_wheel, wheel_name

__all__ = ["LICENCE_MISSING", "MAX_REQUEST_BYTES", "create_app", "is_local", "licence_missing",
           "serve"]

LICENCE_MISSING = (
    "Server belum memakai kunci lisensi xlwings: atur variabel XLWINGS_LICENSE_KEY (instansi "
    "pemerintah: XLWINGS_LICENSE_KEY=noncommercial) lalu jalankan ulang renja-xl server."
)
"""What the server says at start and answers (503) when xlwings has no licence key."""

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


def licence_missing() -> bool:
    """Whether xlwings found no licence key when imported (its remote engine is missing)."""
    return "remote" not in [engine.name for engine in xw.engines]


_NOT_A_WORKBOOK = "Isi permintaan bukan data workbook dari xlwings"
_UNREADABLE = ("Data workbook dari Excel tidak dapat dibaca: bentuknya bukan kiriman xlwings. "
               "Kirim ulang lewat tombol Renja XL.")


def _check_shape(payload: object) -> dict[str, Any]:
    """The payload, if it has the parts the scripts read; else a refusal naming the part."""
    if not isinstance(payload, dict):
        raise _Refused(422, f"{_NOT_A_WORKBOOK} (bukan objek JSON).")
    sheets = payload.get("sheets")
    if not isinstance(sheets, list) or not sheets:
        raise _Refused(422, f"{_NOT_A_WORKBOOK} (tidak ada daftar 'sheets').")
    if not isinstance(payload.get("book"), dict):
        raise _Refused(422, f"{_NOT_A_WORKBOOK} (tidak ada keterangan 'book').")
    for number, sheet in enumerate(sheets, start=1):
        if not isinstance(sheet, dict) or not isinstance(sheet.get("name"), str):
            raise _Refused(422, f"Sheet ke-{number} dalam permintaan tidak bernama.")
        values = sheet.get("values")
        if not isinstance(values, list) or not all(isinstance(r, list) for r in values):
            raise _Refused(422, f"Sheet '{sheet['name']}' dalam permintaan tidak berisi nilai sel "
                                "('values' harus daftar baris).")
    return payload


def _book(body: bytes) -> xw.Book:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _Refused(400, "Isi permintaan bukan JSON yang sah.") from None
    payload = _check_shape(payload)
    if payload.get("version") != xw.__version__ and payload.get("client") != "Office.js":
        raise _Refused(422, f"Versi xlwings di Excel ({payload.get('version')}) berbeda dengan "
                            f"di server ({xw.__version__}); samakan versinya.")
    try:
        return xw.Book(json=payload)
    except Exception:  # xlwings raises many kinds on malformed payloads
        _log.exception("payload tidak terbaca")
        raise _Refused(422, _UNREADABLE) from None


def _run(script: Callable[[xw.Book], Any], book: xw.Book) -> dict[str, Any]:
    try:
        script(book)
    except RenjaError as exc:
        raise _Refused(422, str(exc)) from None
    except Exception:  # a payload of the wrong shape fails deep inside the script
        _log.exception("skrip gagal")
        raise _Refused(422, _UNREADABLE) from None
    return book.json()


def _lite_routes(app: FastAPI) -> None:
    """The wheel and requirements.txt for xlwings Lite, at stable addresses."""

    @app.get("/lite/requirements.txt")
    def requirements(request: Request) -> PlainTextResponse:
        url = str(request.url_for("wheel", filename=wheel_name()))
        return PlainTextResponse(lite_requirements(url))

    @app.get("/lite/{filename}", name="wheel")
    def wheel(filename: str) -> Response:
        if filename != wheel_name():
            return PlainTextResponse(f"Berkas '{filename}' tidak ada; yang tersedia: "
                                     f"{wheel_name()}.", status_code=404)
        return Response(own_wheel(), media_type="application/zip",
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def create_app(token: str | None = None, max_bytes: int = MAX_REQUEST_BYTES) -> FastAPI:
    """The app: `POST /validasi`, `/hitung_subtotal`, `/isi_prakiraan_maju`, `/isi_kode`,
    and `GET /lite/requirements.txt` with the wheel it names."""
    app = FastAPI(title="Renja XL", docs_url=None, redoc_url=None, openapi_url=None)
    # Office.js clients (xlwings Lite, an add-in) run in a browser on another origin. A request
    # is authorised by its token header, never by cookies, so any origin may ask.
    app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                       allow_headers=["Authorization", "Content-Type"], max_age=3600)

    @app.get("/")
    def root() -> dict[str, Any]:
        return {"layanan": "Renja XL", "skrip": list(_SCRIPTS), "xlwings": xw.__version__,
                "lite": "/lite/requirements.txt"}

    _lite_routes(app)

    @app.post("/{name}", response_model=None)
    async def run(name: str, request: Request) -> JSONResponse | PlainTextResponse:
        try:
            if not _authorised(request, token):
                raise _Refused(401, "Token salah atau tidak ada; periksa RENJA_TOKEN.")
            script = _SCRIPTS.get(name)
            if script is None:
                raise _Refused(404, f"Skrip '{name}' tidak dikenal; yang tersedia: "
                                    + ", ".join(_SCRIPTS) + ".")
            if licence_missing():
                raise _Refused(503, LICENCE_MISSING)
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


def serve(host: str = "127.0.0.1", port: int = 8000, token: str | None = None, *,
          ssl_certfile: str | None = None, ssl_keyfile: str | None = None) -> None:
    """Run the server until stopped (refuses to listen beyond localhost without a token).

    With a certificate and key it speaks HTTPS, which xlwings Lite needs for an address
    other than localhost (a page served over HTTPS may not fetch plain HTTP)."""
    import uvicorn

    if not is_local(host) and not token:
        raise RenjaError(f"server yang mendengarkan di {host} (bukan hanya komputer ini) wajib "
                         "memakai token: berikan --token atau isi variabel RENJA_TOKEN")
    if licence_missing():
        _log.warning(LICENCE_MISSING)
    uvicorn.run(create_app(token), host=host, port=port, log_level="info",
                ssl_certfile=ssl_certfile, ssl_keyfile=ssl_keyfile)
