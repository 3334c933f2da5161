"""The server gives xlwings Lite its wheel and requirements.txt, answers browsers' CORS
preflights, and says plainly when xlwings' licence key is missing; real HTTP on loopback."""

from __future__ import annotations

import io
import os
import socket
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
import xlwings as xw

from renja_xl.excel.server import LICENCE_MISSING, create_app
from renja_xl.excel.wheel import own_wheel, wheel_name

ROOT = Path(__file__).parents[2]
LITE_ORIGIN = "https://addin.xlwings.org"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app("rahasia"), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=5)


def test_requirements_txt_names_the_exact_xlwings_and_the_wheels_address(url):
    response = httpx.get(f"{url}/lite/requirements.txt", headers={"Origin": LITE_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    lines = [x for x in response.text.splitlines() if x and not x.startswith("#")]
    assert lines == [f"xlwings=={xw.__version__}", f"{url}/lite/{wheel_name()}"]


def test_the_wheel_at_that_address_is_the_installed_renja_xl(url):
    response = httpx.get(f"{url}/lite/{wheel_name()}", headers={"Origin": LITE_ORIGIN})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.content == own_wheel()
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "renja_xl/excel/scripts.py" in names
    assert wheel_name().endswith("-py3-none-any.whl")


def test_another_file_name_under_lite_is_not_found(url):
    response = httpx.get(f"{url}/lite/renja_xl-9.9-py3-none-any.whl")
    assert response.status_code == 404
    assert wheel_name() in response.text


def test_a_browsers_preflight_for_a_script_is_answered(url):
    response = httpx.options(f"{url}/validasi", headers={
        "Origin": LITE_ORIGIN, "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed and "content-type" in allowed


def test_the_served_wheel_holds_what_the_projects_build_holds(tmp_path, wheel):
    built = wheel
    target = tmp_path / "terpasang"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target",
                    str(target), str(built)], check=True, capture_output=True, timeout=300)
    served = tmp_path / wheel_name()
    code = ("import sys; from renja_xl.excel.wheel import own_wheel; "
            f"open({str(served)!r}, 'wb').write(own_wheel())")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, timeout=120,
                   env={**os.environ, "PYTHONPATH": str(target)})
    with zipfile.ZipFile(built) as ours, zipfile.ZipFile(served) as theirs:
        names = set(ours.namelist())
        assert set(theirs.namelist()) == names
        generated = {n for n in names if n.endswith(("/RECORD", "/WHEEL"))}
        assert len(generated) == 2
        for name in names - generated:
            assert theirs.read(name) == ours.read(name), name
        assert b"Tag: py3-none-any" in theirs.read(next(n for n in generated if "WHEEL" in n))


def _wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "server berhenti"
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server tidak menjawab")


def test_without_a_licence_key_the_server_says_so_at_start_and_answers_503(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "XLWINGS_LICENSE_KEY"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    log = (tmp_path / "server.log").open("w+")
    process = subprocess.Popen([sys.executable, "-m", "renja_xl", "server", "--port", str(port)],
                               stdout=log, stderr=subprocess.STDOUT, env=env, text=True)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_for(url, process)
        response = httpx.post(f"{url}/validasi", content=b"{}", timeout=30)
    finally:
        process.terminate()
        process.wait(timeout=30)
    log.seek(0)
    started = " ".join(log.read().split())
    log.close()
    assert response.status_code == 503
    assert response.text == LICENCE_MISSING
    assert "XLWINGS_LICENSE_KEY" in started and "noncommercial" in started
