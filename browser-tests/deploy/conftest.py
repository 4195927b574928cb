"""Fixtures for `unionsite deploy`: a tiny site built with the binary, and an sshd on
127.0.0.1 with throwaway keys (stopped at the end, whatever happens)."""

from __future__ import annotations

import getpass
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("UNIONSITE_BIN", REPO / ".build/debug/unionsite"))
SSHD = shutil.which("sshd") or "/usr/sbin/sshd"
DATE = "2026-11-29"

SITE_YAML = """title: Deploy test
base_url: https://example.org/members/
nav:
  - title: About
    link: pages/about.md
"""

ABOUT = """---
title: About
---

Version one of this page.
"""


class Site:
    """A site root with content/ and a helper to run the binary against it."""

    def __init__(self, root: Path):
        self.root = root
        (root / "content/pages").mkdir(parents=True)
        (root / "content/static").mkdir(parents=True)
        (root / "content/site.yaml").write_text(SITE_YAML, encoding="utf-8")
        (root / "content/pages/about.md").write_text(ABOUT, encoding="utf-8")
        (root / "content/static/logo.txt").write_text("a static file that never changes\n", encoding="utf-8")

    @property
    def public(self) -> Path:
        return self.root / "public"

    def about(self) -> Path:
        return self.root / "content/pages/about.md"

    def edit_about(self, text: str) -> None:
        self.about().write_text(ABOUT.replace("Version one of this page.", text), encoding="utf-8")

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=120, env=env)

    def build(self) -> subprocess.CompletedProcess:
        return self.run("build", "--root", str(self.root), "--date", DATE)

    def deploy(self, target: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return self.run("deploy", target, "--root", str(self.root), *args, env=env)


@pytest.fixture
def site(tmp_path) -> Site:
    if not BINARY.exists():
        pytest.fail(f"{BINARY} is missing: run `swift build` first (or set UNIONSITE_BIN)")
    return Site(tmp_path / "site")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SSHServer:
    def __init__(self, work: Path):
        self.work = work
        self.user = getpass.getuser()
        self.port = free_port()
        host_key = work / "host_ed25519"
        self.key = work / "client_ed25519"
        for key in (host_key, self.key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "unionsite-deploy-test", "-f", str(key)], check=True)
        (work / "authorized_keys").write_text((work / "client_ed25519.pub").read_text())
        os.chmod(work / "authorized_keys", 0o600)
        config = work / "sshd_config"
        config.write_text(f"""
ListenAddress 127.0.0.1
Port {self.port}
HostKey {host_key}
PidFile {work}/sshd.pid
AuthorizedKeysFile {work}/authorized_keys
PermitRootLogin yes
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
StrictModes no
UsePAM no
LogLevel ERROR
""")
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation folder
        self.log = open(work / "sshd.log", "w")
        self.process = subprocess.Popen([SSHD, "-D", "-e", "-f", str(config)], stdout=self.log, stderr=subprocess.STDOUT)
        self.ssh_command = (f"ssh -p {self.port} -i {self.key} -o StrictHostKeyChecking=no "
                            f"-o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR")
        self._wait_until_ready()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            probe = subprocess.run([*self.ssh_command.split(), f"{self.user}@127.0.0.1", "true"], capture_output=True, timeout=20)
            if probe.returncode == 0:
                return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("sshd did not start:\n" + (self.work / "sshd.log").read_text())

    def target(self, path: Path) -> str:
        return f"{self.user}@127.0.0.1:{path}"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()


@pytest.fixture(scope="module")
def sshd(tmp_path_factory):
    if not Path(SSHD).exists() or not shutil.which("ssh") or not shutil.which("ssh-keygen"):
        pytest.skip("openssh-server and openssh-client are needed (apt-get install openssh-server openssh-client)")
    if os.geteuid() != 0 and not Path("/run/sshd").exists():
        pytest.skip("sshd needs /run/sshd, which only root can create")
    server = SSHServer(tmp_path_factory.mktemp("sshd"))
    try:
        yield server
    finally:
        server.stop()


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture
def nginx_for(tmp_path):
    """Starts nginx serving `TARGET/current/` at /members/ (the configuration in
    docs/publishing.md) and returns its origin; stopped at the end of the test."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed")
    processes = []

    def start(target: Path, extra: str = "") -> str:
        work = tmp_path / "nginx"
        work.mkdir()
        port = free_port()
        user = "user root;" if os.geteuid() == 0 else ""
        (work / "nginx.conf").write_text(f"""
{user}
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location /members/ {{
            alias {target}/current/;
            error_page 404 /members/404.html;
            {extra}
        }}
    }}
}}
""")
        process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE)
        processes.append(process)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start: " + (work / "error.log").read_text())

    try:
        yield start
    finally:
        for process in processes:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)
