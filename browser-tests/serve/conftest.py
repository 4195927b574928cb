"""Fixtures for the live-preview browser test: a copy of the sample site, `unionsite serve`
on a free port on 127.0.0.1, and one headless Chromium. Everything started is stopped."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("UNIONSITE_BIN", REPO / ".build/debug/unionsite"))


class Server:
    def __init__(self, root: Path):
        self.root = root
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--root", str(root), "--port", "0", "--date", "2026-11-29"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1,
        )
        self.url = None
        ready = threading.Event()

        def pump():
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                if line.startswith("Serving the site at "):
                    self.url = line.split()[4]
                    ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(30):
            self.process.kill()
            raise RuntimeError("unionsite serve did not start:\n" + "\n".join(self.lines))

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                return self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                return -9
        return self.process.returncode


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("serve-site")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(scope="module")
def server(site):
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build` first")
    running = Server(site)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CONFORMANCE_CHROMIUM", "/usr/bin/chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(os.environ.get("CONFORMANCE_CHROMEDRIVER", "/usr/bin/chromedriver")))
    yield driver
    driver.quit()
