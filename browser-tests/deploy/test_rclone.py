"""`unionsite deploy rclone:REMOTE:PATH` end to end, against real servers on 127.0.0.1 with
throwaway logins: `rclone serve sftp` (an on-the-fly remote), `rclone serve webdav`, pyftpdlib
(FTP) and moto (S3), the last three as named remotes from the environment.

What is checked: only changed files move (by the server's own record of writes, not by the
tool's word), a removed page is deleted, the deletion guard, --dry-run changes nothing,
--precompress, and bad input (unknown remote, wrong password, unreachable host, a connection
dropped mid-upload) ends with a clear message and a rerun that finishes the job."""

from __future__ import annotations

import gzip
import json
import re
import socket
import threading
from pathlib import Path

import pytest
from rclone_servers import KINDS, RCLONE

from test_deploy import failed, files, ok

DEPLOYED = re.compile(r"^Deployed to (\S+): (\d+) uploaded, (\d+) deleted, (\d+) unchanged$")
MANIFEST = ".unionsite-manifest.json"

EXTRA = """---
title: Extra
---

A page that a later build removes.
"""


@pytest.fixture(scope="module", params=sorted(KINDS))
def server(request, tmp_path_factory):
    if not Path(RCLONE).exists():
        pytest.fail("rclone is not installed: scripts/install-test-tools installs it")
    kind = request.param
    server = KINDS[kind](tmp_path_factory.mktemp(kind))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sftp(tmp_path_factory):
    server = KINDS["sftp"](tmp_path_factory.mktemp("sftp-alone"))
    try:
        yield server
    finally:
        server.stop()


def folder_for(request) -> str:
    """A fresh remote folder per test, so tests sharing a server do not meet."""
    return re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")


def deploy(site, server, folder, *args, env=None):
    return site.deploy(server.target(folder), *args, env=env or server.env)


def counts(result) -> tuple[int, int, int]:
    last = result.stdout.strip().splitlines()[-1]
    match = DEPLOYED.match(last)
    assert match, f"unexpected last line: {last!r}\n{result.stdout}"
    return int(match.group(2)), int(match.group(3)), int(match.group(4))


def remote_site(server, folder) -> dict[str, bytes]:
    found = server.files(folder)
    assert MANIFEST in found, f"no manifest at the remote: {sorted(found)}"
    del found[MANIFEST]
    return found


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {path for path in after if before.get(path) != after[path]}


# MARK: - every kind of host

def test_deploy_then_a_one_page_edit_sends_only_what_changed(site, server, request):
    folder = folder_for(request)
    ok(site.build())
    first = ok(deploy(site, server, folder))
    uploaded, deleted, unchanged = counts(first)
    built = files(site.public)
    assert (uploaded, deleted, unchanged) == (len(built), 0, 0)
    assert remote_site(server, folder) == built
    # Assets go up before pages.
    lines = first.stdout.splitlines()
    assert lines.index(f"Uploading {uploaded - sum(p.endswith('.html') for p in built)} other files to {server.target(folder)}") \
        < lines.index(f"Uploading {sum(p.endswith('.html') for p in built)} pages to {server.target(folder)}")

    # The same build again: nothing moves.
    marker = server.marker()
    again = ok(deploy(site, server, folder))
    assert again.stdout.strip().splitlines()[-1].startswith("No changes at")
    assert server.written_since(marker, folder) == set()

    # A same-length edit: sizes alone would miss it.
    site.edit_about("Version TWO of this page.")
    assert len("Version TWO of this page.") == len("Version one of this page.")
    ok(site.build())
    rebuilt = files(site.public)
    expected = changed(built, rebuilt)
    assert "pages/about/index.html" in expected or any("about" in p for p in expected)
    assert len(expected) < len(built) / 2, f"a one-page edit changed {sorted(expected)}"
    marker = server.marker()
    gone = set(built) - set(rebuilt)  # search terms only the old text had
    uploaded, deleted, unchanged = counts(ok(deploy(site, server, folder)))
    assert (uploaded, deleted, unchanged) == (len(expected), len(gone), len(rebuilt) - len(expected))
    assert server.written_since(marker, folder) == expected | {MANIFEST}
    assert remote_site(server, folder) == rebuilt
    # Replacements went up beside the site and were renamed into place; nothing is left there.
    staged = server.rclone("lsf", "-R", server.target(f".{folder}.unionsite-upload").removeprefix("rclone:"), check=False)
    assert staged.stdout.strip() == "", staged.stdout


def test_a_removed_page_is_deleted_at_the_remote(site, server, request):
    folder = folder_for(request)
    (site.root / "content/pages/extra.md").write_text(EXTRA, encoding="utf-8")
    ok(site.build())
    ok(deploy(site, server, folder))
    with_extra = files(site.public)
    assert "extra/index.html" in with_extra, "the extra page was not built"
    assert set(with_extra) == set(remote_site(server, folder))

    (site.root / "content/pages/extra.md").unlink()
    ok(site.build())
    gone = set(with_extra) - set(files(site.public))
    assert "extra/index.html" in gone
    uploaded, deleted, _ = counts(ok(deploy(site, server, folder)))
    assert deleted == len(gone)
    assert remote_site(server, folder) == files(site.public)
    if server.root is not None:  # no empty folder is left behind to answer 403 instead of 404
        assert not any("extra" in str(p) for p in (server.root / folder).rglob("*"))


# MARK: - the guard, --dry-run and --precompress (on one host each is enough)

@pytest.mark.parametrize("server", ["sftp", "s3"], indirect=True)
def test_the_deletion_guard_and_dry_run(site, server, request, tmp_path):
    folder = folder_for(request)
    ok(site.build())
    ok(deploy(site, server, folder))
    before = remote_site(server, folder)

    # A build of one file would delete nearly everything: refused, nothing changes.
    tiny = tmp_path / "tiny"
    tiny.mkdir()
    (tiny / "index.html").write_text("<!doctype html><title>x</title>")
    marker = server.marker()
    refused = failed(deploy(site, server, folder, "--output", str(tiny)))
    assert "more than the 25 % allowed" in refused.stderr and "--force" in refused.stderr
    assert server.target(folder) in refused.stderr
    assert server.written_since(marker, folder) == set()
    assert remote_site(server, folder) == before

    # --dry-run lists and changes nothing, and says the guard would stop a deploy.
    dry = ok(deploy(site, server, folder, "--output", str(tiny), "--dry-run"))
    assert "upload index.html" in dry.stdout
    assert re.search(r"delete assets/site\.[0-9a-f]{8}\.css", dry.stdout)
    assert "A deploy would stop here" in dry.stdout
    assert "nothing changed (dry run)" in dry.stdout
    assert server.written_since(marker, folder) == set()
    assert remote_site(server, folder) == before

    # A higher limit, or --force, lets it through.
    ok(deploy(site, server, folder, "--output", str(tiny), "--force"))
    assert remote_site(server, folder) == files(tiny)


def test_precompressed_files_decompress_to_the_original_bytes(site, sftp, request):
    folder = folder_for(request)
    ok(site.build())
    result = ok(deploy(site, sftp, folder, "--precompress"))
    assert "Compressed" in result.stdout
    remote = remote_site(sftp, folder)
    compressed = [p for p in remote if p.endswith(".gz")]
    assert compressed, f"no .gz written: {sorted(remote)}"
    for path in compressed:
        data = remote[path]
        assert data[:4] == b"\x1f\x8b\x08\x00", f"{path}: a name or other flag in the gzip header"
        assert data[4:8] == b"\0\0\0\0", f"{path}: a time in the gzip header"
        assert gzip.decompress(data) == remote[path[:-3]]
        assert len(remote[path[:-3]]) > 1024
    for path, data in remote.items():
        if path.endswith((".html", ".css", ".js", ".json", ".xml", ".svg")) and len(data) > 1024:
            assert path + ".gz" in remote, f"{path} has no .gz"
    # Deterministic: a fresh build compressed again sends nothing.
    ok(site.build())
    assert ok(deploy(site, sftp, folder, "--precompress")).stdout.strip().splitlines()[-1].startswith("No changes")


# MARK: - bad input

def test_an_unknown_remote_is_a_clear_error(site, sftp):
    ok(site.build())
    result = failed(site.deploy("rclone:no-such-remote:site", env=sftp.env))
    assert "no rclone remote named no-such-remote" in result.stderr
    assert "nothing was changed" in result.stderr


def test_a_wrong_password_or_port_is_a_clear_error_and_the_secret_is_never_shown(site, sftp, request):
    folder = folder_for(request)
    ok(site.build())
    env = dict(sftp.env)
    env["RCLONE_SFTP_PASS"] = __import__("rclone_servers").obscure("wrong-" + sftp.password)
    result = failed(deploy(site, sftp, folder, env=env))
    assert sftp.target(folder) in result.stderr and "unable to authenticate" in result.stderr
    closed = failed(site.deploy(sftp.target(folder, port=sftp.port + 1 if sftp.port < 65535 else 1024), env=sftp.env))
    assert "connect" in closed.stderr and "nothing was changed" in closed.stderr
    inline = failed(site.deploy(f"rclone::sftp,host=127.0.0.1,port={sftp.port},user=x,pass=hunter2secret:{folder}"))
    assert "hunter2secret" not in inline.stdout + inline.stderr
    assert "pass=***" in inline.stderr


class CuttingProxy:
    """A TCP proxy to the SFTP server that drops every connection once `limit` bytes have gone
    up, and refuses new ones, until `heal()`: a connection lost mid-upload."""

    def __init__(self, port: int, limit: int | None):
        self.target_port, self.limit, self.sent, self.cut = port, limit, 0, False
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.cut:
                client.close()
                continue
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            for s in (client, upstream):  # SSH makes many small round trips: no Nagle delays
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.sockets += [client, upstream]
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _pump(self, source, sink, upward):
        try:
            while data := source.recv(16384):
                sink.sendall(data)
                if upward:
                    with self.lock:
                        self.sent += len(data)
                        if self.limit is not None and self.sent >= self.limit and not self.cut:
                            self.cut = True
                            for s in self.sockets:
                                try:
                                    s.shutdown(socket.SHUT_RDWR)
                                except OSError:
                                    pass
        except OSError:
            pass

    def heal(self):
        self.cut, self.limit = False, None

    def close(self):
        self.listener.close()
        for s in self.sockets:
            s.close()


def test_a_connection_dropped_mid_upload_fails_clearly_and_a_rerun_finishes(site, sftp, request):
    folder = folder_for(request)
    probe_folder = folder + "-probe"
    ok(site.build())
    old = files(site.public)
    ok(deploy(site, sftp, folder))
    ok(deploy(site, sftp, probe_folder))

    # How many bytes the deploy of an edit sends, measured through a proxy that never cuts.
    site.edit_about("Version two, " + "with a longer text. " * 200)
    (site.root / "content/pages/extra.md").write_text(EXTRA, encoding="utf-8")
    ok(site.build())
    new = files(site.public)
    probe = CuttingProxy(sftp.port, None)
    try:
        ok(site.deploy(sftp.target(probe_folder, port=probe.port), env=sftp.env))
        full = probe.sent
    finally:
        probe.close()

    proxy = CuttingProxy(sftp.port, full * 6 // 10)
    try:
        target = sftp.target(folder, port=proxy.port)
        result = failed(site.deploy(target, env=sftp.env))
        assert target in result.stderr, result.stderr
        assert "rerun the deploy" in result.stderr or "nothing was changed" in result.stderr
        # Nothing is deleted before every upload is done, and replacements are renamed into
        # place whole: every file at the remote is the old build's or the new build's.
        remote = remote_site(sftp, folder)
        assert set(old) <= set(remote)
        for path, data in remote.items():
            assert data in (old.get(path), new.get(path)), f"{path} is neither the old nor the new file"
        proxy.heal()
        ok(site.deploy(target, env=sftp.env))
        assert remote_site(sftp, folder) == new
    finally:
        proxy.close()


@pytest.mark.parametrize("server", ["s3"], indirect=True)
def test_s3_objects_get_their_content_type_and_the_cache_header_from_the_environment(site, server, request):
    """docs/publishing.md's S3 example: RCLONE_HEADER_UPLOAD sets Cache-Control on every object."""
    folder = folder_for(request)
    ok(site.build())
    env = dict(server.env, RCLONE_HEADER_UPLOAD="Cache-Control: public, max-age=300")
    ok(deploy(site, server, folder, env=env))
    listing = json.loads(server.rclone("lsjson", "-R", "-M", "--files-only", server.target(folder).removeprefix("rclone:")).stdout)
    by_path = {entry["Path"]: entry["Metadata"] for entry in listing}
    assert by_path["index.html"]["content-type"].startswith("text/html")
    css = [path for path in by_path if re.fullmatch(r"assets/site\.[0-9a-f]{8}\.css", path)]
    assert len(css) == 1 and by_path[css[0]]["content-type"].startswith("text/css")
    assert all(meta.get("cache-control") == "public, max-age=300" for path, meta in by_path.items() if path != MANIFEST)


@pytest.mark.parametrize("server", ["ftp"], indirect=True)
def test_the_whole_sample_site_with_its_nested_folders(server, request, tmp_path):
    """The sample site (about 240 files in 70 folders, most of them new and nested) in one deploy,
    then a one-article edit."""
    import shutil
    import subprocess

    from conftest import BINARY, DATE

    root = tmp_path / "sample"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", root / "content")
    folder = folder_for(request)

    def run(*args):
        return subprocess.run([str(BINARY), *args, "--root", str(root)], capture_output=True, text=True,
                              timeout=300, env=server.env)

    ok(run("build", "--date", DATE))
    built = files(root / "public")
    assert len(built) > 200
    uploaded, _, _ = counts(ok(run("deploy", server.target(folder))))
    assert uploaded == len(built)
    assert remote_site(server, folder) == built

    article = next(p for p in sorted((root / "content/articles").glob("*.md")) if "draft: true" not in p.read_text())
    article.write_text(article.read_text() + "\nOne more sentence for the members.\n")
    ok(run("build", "--date", DATE))
    rebuilt = files(root / "public")
    uploaded, deleted, unchanged = counts(ok(run("deploy", server.target(folder))))
    assert uploaded == len(changed(built, rebuilt)) < 20
    assert remote_site(server, folder) == rebuilt
