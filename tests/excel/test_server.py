"""The office server over real HTTP on loopback, and the dispatch xlwings Lite and Server use."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
import xlwings as xw
from openpyxl import load_workbook

from renja_xl.errors import RenjaError
from renja_xl.excel import scripts
from renja_xl.excel.server import create_app, is_local, serve
from tests.excel.workbooks import planted
from tests.support.payload import payload_from_workbook

TOKEN = "rahasia-kantor"
LIMIT = 2 * 1024 * 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(create_app(TOKEN, LIMIT), host="127.0.0.1", port=port,
                            log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def payload(tmp_path_factory) -> dict:
    path = planted(tmp_path_factory.mktemp("server") / "renja.xlsx", with_error=True)
    return payload_from_workbook(load_workbook(path), name=path.name)


def _direct(payload: dict, name: str) -> list[dict]:
    book = xw.Book(json=payload)
    getattr(scripts, name)(book)
    return book.json()["actions"]


def _post(url: str, path: str, body: bytes, token: str | None = TOKEN) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = token
    return httpx.post(f"{url}/{path}", content=body, headers=headers, timeout=30)


@pytest.mark.parametrize("name", scripts.SCRIPTS)
def test_each_script_over_http_returns_the_actions_of_a_direct_call(url, payload, name):
    response = _post(url, name, json.dumps(payload).encode())
    assert response.status_code == 200
    assert response.json()["actions"] == json.loads(json.dumps(_direct(payload, name)))


def test_a_bearer_token_is_accepted_too(url, payload):
    response = _post(url, "validasi", json.dumps(payload).encode(), token=f"Bearer {TOKEN}")
    assert response.status_code == 200


@pytest.mark.parametrize("token", [None, "salah"])
def test_a_wrong_or_missing_token_is_refused(url, payload, token):
    response = _post(url, "validasi", json.dumps(payload).encode(), token=token)
    assert response.status_code == 401
    assert "Token" in response.text


def test_only_the_four_scripts_can_be_called(url, payload):
    response = _post(url, "run_python", json.dumps(payload).encode())
    assert response.status_code == 404
    assert "tidak dikenal" in response.text


def test_an_oversized_request_is_refused(url):
    response = _post(url, "validasi", b"{" + b" " * (LIMIT + 10) + b"}")
    assert response.status_code == 413
    assert "terlalu besar" in response.text


_BOOK = {"name": "renja.xlsx", "active_sheet_index": 0, "selection": "A1"}


def _sent(**parts) -> bytes:
    return json.dumps({"client": "VBA", "version": xw.__version__, "book": _BOOK, "names": [],
                       **parts}).encode()


_SHEET = {"name": "Tabel 3.1", "pictures": [], "tables": []}


@pytest.mark.parametrize(("body", "status", "says"), [
    (b"bukan json", 400, "bukan JSON"),
    (b"[1, 2]", 422, "bukan objek JSON"),
    (json.dumps({"client": "VBA", "version": "0.1.0", "sheets": []}).encode(), 422, "sheets"),
    (_sent(sheets=[{"nama": 1}]), 422, "tidak bernama"),
    (_sent(sheets=[{"name": "Tabel 3.1"}]), 422, "tidak berisi nilai sel"),
    (_sent(sheets=[{**_SHEET, "values": "A1"}]), 422, "tidak berisi nilai sel"),
    (_sent(sheets=[{**_SHEET, "values": [[1]]}], book="renja.xlsx"), 422, "'book'"),
    (_sent(sheets=[{**_SHEET, "values": [[{"x": 1}, [2]]]}], names="x"), 422, "Kirim ulang"),
])
@pytest.mark.parametrize("name", scripts.SCRIPTS)
def test_a_malformed_payload_gets_a_4xx_in_plain_words_never_a_python_error_name(
        url, body, status, says, name):
    response = _post(url, name, body)
    assert response.status_code == status
    assert says in response.text
    assert not re.search(r"Traceback|[A-Za-z]+(Error|Exception)\b", response.text)


def test_listening_beyond_this_computer_needs_a_token():
    assert is_local("127.0.0.1") and is_local("localhost") and is_local("::1")
    assert not is_local("0.0.0.0")
    with pytest.raises(RenjaError, match="token"):
        serve("0.0.0.0", 8765, token=None)


_DISPATCH = """
import asyncio, json, sys
import xlwings as xw
from xlwings.server import custom_scripts_call
import renja_xl.excel.scripts as module
payload = json.load(open(sys.argv[1]))
book = xw.Book(json=payload)
result = asyncio.run(custom_scripts_call(module, sys.argv[2], typehint_to_value={xw.Book: book}))
from xlwings.server import custom_scripts_meta
names = sorted(m["name"] for m in custom_scripts_meta(module))
print(json.dumps({"actions": result.json()["actions"], "scripts": names}))
"""


def test_xlwings_server_dispatch_runs_the_scripts_as_lite_does(payload, tmp_path):
    source = tmp_path / "payload.json"
    source.write_text(json.dumps(payload))
    env = {**os.environ, "XLWINGS_ON_SERVER": "true", "XLWINGS_LICENSE_KEY": "noncommercial",
           "PYTHONPATH": str(Path(__file__).parents[2])}
    done = subprocess.run([sys.executable, "-c", _DISPATCH, str(source), "validasi"],
                          capture_output=True, text=True, env=env, timeout=120, check=True)
    result = json.loads(done.stdout)
    assert result["actions"] == json.loads(json.dumps(_direct(payload, "validasi")))
    assert result["scripts"] == ["Hitung Subtotal", "Isi Kode", "Isi Prakiraan Maju", "Validasi"]
