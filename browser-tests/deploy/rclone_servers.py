"""Real servers on 127.0.0.1 for `unionsite deploy rclone:…`, each with a throwaway login:
`rclone serve sftp`, `rclone serve webdav`, pyftpdlib (FTP) and moto (S3). Each knows the
target to give `unionsite deploy`, the environment that holds its credentials (never the
command line), and how to tell which files an upload touched."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

RCLONE = shutil.which("rclone") or "/usr/bin/rclone"
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def obscure(password: str) -> str:
    return subprocess.run([RCLONE, "obscure", password], capture_output=True, text=True, check=True).stdout.strip()


def base_env() -> dict:
    env = dict(os.environ)
    # An rclone configuration file of the person running the tests is never read or written,
    # and a CA bundle meant for other HTTPS clients does not reach rclone's S3 client.
    env["RCLONE_CONFIG"] = "/dev/null"
    for name in ("AWS_CA_BUNDLE", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        env.pop(name, None)
    return env


class Server:
    """One server process; `kind`, `target` and `env` are set by subclasses."""

    kind = ""
    #: The folder the server keeps files in, when it is a plain folder here (not S3).
    root: Path | None = None

    def __init__(self, work: Path):
        self.work = work
        self.port = free_port()
        self.user = "deploy-" + secrets.token_hex(3)
        # Never starting with "-": rclone, rclone serve and pyftpdlib would read it as an option.
        self.password = "pw" + secrets.token_urlsafe(12)
        self.log_path = work / f"{self.kind}.log"
        self.env = base_env()

    def start(self, command: list[str]) -> None:
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT, cwd=self.work)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.kind} server did not start:\n" + self.log_path.read_text())

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.log.close()

    def target(self, folder: str) -> str:
        raise NotImplementedError

    def rclone(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """rclone itself, with this server's credentials, to look at the remote."""
        return subprocess.run([RCLONE, *args], capture_output=True, text=True, env=self.env, check=check, timeout=120)

    def files(self, folder: str) -> dict[str, bytes]:
        """Every file at the remote folder, by path, with its bytes (downloaded by rclone)."""
        local = self.work / f"download-{secrets.token_hex(4)}"
        location = self.target(folder).removeprefix("rclone:")
        self.rclone("copy", location, str(local))
        found = {str(p.relative_to(local)): p.read_bytes() for p in sorted(local.rglob("*")) if p.is_file()}
        shutil.rmtree(local, ignore_errors=True)
        return found

    def marker(self):
        """Something `written_since` compares against."""
        raise NotImplementedError

    def written_since(self, marker, folder: str) -> set[str]:
        """The files under `folder` that uploads wrote since `marker`, as the server saw it."""
        raise NotImplementedError


class FolderServer(Server):
    """A server keeping files in a folder here: what was written is what changed its ctime."""

    def __init__(self, work: Path):
        super().__init__(work)
        self.root = work / "files"
        self.root.mkdir()

    def marker(self):
        return {str(p.relative_to(self.root)): (p.stat().st_ino, p.stat().st_ctime_ns)
                for p in self.root.rglob("*") if p.is_file()}

    def written_since(self, marker, folder: str) -> set[str]:
        now = self.marker()
        prefix = folder + "/"
        return {path.removeprefix(prefix) for path, stamp in now.items()
                if path.startswith(prefix) and marker.get(path) != stamp}


class SFTPServer(FolderServer):
    """`rclone serve sftp`, reached as an on-the-fly remote; the password is in RCLONE_SFTP_PASS."""

    kind = "sftp"

    def __init__(self, work: Path):
        super().__init__(work)
        self.env["RCLONE_SFTP_PASS"] = obscure(self.password)
        self.start([RCLONE, "serve", "sftp", str(self.root), "--addr", f"127.0.0.1:{self.port}",
                    "--user", self.user, "--pass", self.password, "--config", "/dev/null"])

    def target(self, folder: str, port: int | None = None) -> str:
        return f"rclone::sftp,host=127.0.0.1,port={port or self.port},user={self.user}:{folder}"


class WebDAVServer(FolderServer):
    """`rclone serve webdav`, reached as a named remote set up in the environment."""

    kind = "webdav"

    def __init__(self, work: Path):
        super().__init__(work)
        self.env.update({"RCLONE_CONFIG_DAVTEST_TYPE": "webdav", "RCLONE_CONFIG_DAVTEST_URL": f"http://127.0.0.1:{self.port}/",
                         "RCLONE_CONFIG_DAVTEST_VENDOR": "other", "RCLONE_CONFIG_DAVTEST_USER": self.user,
                         "RCLONE_CONFIG_DAVTEST_PASS": obscure(self.password)})
        self.start([RCLONE, "serve", "webdav", str(self.root), "--addr", f"127.0.0.1:{self.port}",
                    "--user", self.user, "--pass", self.password, "--config", "/dev/null"])

    def target(self, folder: str) -> str:
        return f"rclone:davtest:{folder}"


class FTPServer(FolderServer):
    """pyftpdlib, reached as a named remote set up in the environment."""

    kind = "ftp"

    def __init__(self, work: Path):
        super().__init__(work)
        self.env.update({"RCLONE_CONFIG_FTPTEST_TYPE": "ftp", "RCLONE_CONFIG_FTPTEST_HOST": "127.0.0.1",
                         "RCLONE_CONFIG_FTPTEST_PORT": str(self.port), "RCLONE_CONFIG_FTPTEST_USER": self.user,
                         "RCLONE_CONFIG_FTPTEST_PASS": obscure(self.password),
                         # pyftpdlib answers MLSD on a missing folder with 501, which rclone 1.60
                         # does not take as "not found", so nested new folders fail; with LIST it
                         # answers 550 like vsftpd or pure-ftpd (docs/publishing.md says so too).
                         "RCLONE_CONFIG_FTPTEST_DISABLE_MLSD": "true"})
        self.start([str(VENV_BIN / "python"), "-m", "pyftpdlib", "-i", "127.0.0.1", "-p", str(self.port), "-w",
                    "-d", str(self.root), "-u", self.user, "-P", self.password])

    def target(self, folder: str) -> str:
        return f"rclone:ftptest:{folder}"


class S3Server(Server):
    """moto in server mode (an S3 endpoint), reached as a named remote set up in the environment.
    What was written is read from moto's request log (each upload is one PUT)."""

    kind = "s3"
    PUT = re.compile(r'"PUT /(\S+) HTTP/')

    def __init__(self, work: Path):
        super().__init__(work)
        self.env.update({"RCLONE_CONFIG_S3TEST_TYPE": "s3", "RCLONE_CONFIG_S3TEST_PROVIDER": "Other",
                         "RCLONE_CONFIG_S3TEST_ENDPOINT": f"http://127.0.0.1:{self.port}",
                         "RCLONE_CONFIG_S3TEST_ACCESS_KEY_ID": self.user,
                         "RCLONE_CONFIG_S3TEST_SECRET_ACCESS_KEY": self.password,
                         "RCLONE_CONFIG_S3TEST_REGION": "us-east-1", "RCLONE_CONFIG_S3TEST_FORCE_PATH_STYLE": "true"})
        self.start([str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)])

    def target(self, folder: str) -> str:
        return f"rclone:s3test:site-bucket/{folder}"

    def marker(self):
        self.log.flush()
        return len(self.log_path.read_text().splitlines())

    def written_since(self, marker, folder: str) -> set[str]:
        time.sleep(0.2)  # moto writes its log line after answering
        lines = self.log_path.read_text().splitlines()[marker:]
        prefix = f"site-bucket/{folder}/"
        return {m.group(1).removeprefix(prefix) for line in lines if (m := self.PUT.search(line))
                and m.group(1).startswith(prefix)}


KINDS = {"sftp": SFTPServer, "webdav": WebDAVServer, "ftp": FTPServer, "s3": S3Server}
