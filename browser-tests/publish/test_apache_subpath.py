"""Apache, proven: the sample site built for https://guidance.example.org/members/, deployed
with `unionsite deploy` into a folder (releases/ and a `current` symlink), and served by
Debian's apache2 on 127.0.0.1 with the configuration printed in docs/publishing.md, taken
from the page itself, with no .htaccess. The crawl finds no broken link, asset or anchor;
missing pages get the site's 404 page with a 404 status; /members redirects to /members/; the
documented caching headers are sent."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "browser-tests/conformance"))
from conformance_support import BaseURL, MountedSite, crawl  # noqa: E402

BINARY = Path(os.environ.get("UNIONSITE_BIN", REPO / ".build/debug/unionsite"))
BASE = BaseURL.parse("https://guidance.example.org/members/")
APACHE = shutil.which("apache2") or "/usr/sbin/apache2"
MODULES = Path("/usr/lib/apache2/modules")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def documented_config() -> str:
    """The ```apache block of the Apache section of docs/publishing.md."""
    text = (REPO / "docs/publishing.md").read_text(encoding="utf-8")
    section = text[text.index("\n## Apache"):]
    match = re.search(r"```apache\n(.*?)```", section, re.S)
    assert match, "docs/publishing.md has no ```apache block in its Apache section"
    return match.group(1)


class ApacheSite(MountedSite):
    """apache2 in the foreground on 127.0.0.1: Debian's defaults where it matters (everything
    denied outside the site, no .htaccess anywhere) plus the documented configuration."""

    def __init__(self, target: Path, work: Path):
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = BASE
        self.root_url = self.origin + BASE.mount
        site_config = documented_config().replace("/srv/members/", f"{target}/")
        assert f"{target}/current/" in site_config, site_config
        (work / "empty").mkdir()
        user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        conf = work / "apache2.conf"
        conf.write_text(f"""
ServerRoot {work}
DefaultRuntimeDir {work}
PidFile {work}/apache2.pid
Mutex file:{work} default
{user}
LoadModule mpm_event_module {MODULES}/mod_mpm_event.so
LoadModule authz_core_module {MODULES}/mod_authz_core.so
LoadModule alias_module {MODULES}/mod_alias.so
LoadModule dir_module {MODULES}/mod_dir.so
LoadModule mime_module {MODULES}/mod_mime.so
LoadModule headers_module {MODULES}/mod_headers.so
Listen 127.0.0.1:{self.port}
ServerName 127.0.0.1
ErrorLog {work}/error.log
LogLevel warn
TypesConfig /etc/mime.types
AddType application/atom+xml .xml
DocumentRoot {work}/empty

# Debian's apache2.conf, stricter: nothing is served, no symlink followed and no .htaccess
# read unless the documented configuration allows it.
<Directory />
    Options None
    AllowOverride None
    Require all denied
</Directory>
AccessFileName .htaccess
<FilesMatch "^\\.ht">
    Require all denied
</FilesMatch>

# docs/publishing.md
{site_config}
""")
        self.work = work
        self.process = subprocess.Popen([APACHE, "-f", str(conf), "-DFOREGROUND"], stderr=subprocess.PIPE)
        for _ in range(200):
            if self.process.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        log = (work / "error.log").read_text() if (work / "error.log").exists() else ""
        raise RuntimeError("apache2 did not start: " + self.process.stderr.read().decode() + log)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


@pytest.fixture(scope="module")
def apache():
    if not Path(APACHE).exists():
        pytest.fail("apache2 is not installed: scripts/install-test-tools installs it")
    # Apache's workers run as www-data: the folders must be readable by it (pytest's are not).
    work = Path(tempfile.mkdtemp(prefix="unionsite-apache-"))
    os.chmod(work, 0o755)
    try:
        root = work / "site"
        target = work / "srv" / "members"
        subprocess.run([str(BINARY), "build", "--root", str(REPO), "--output", str(root), "--date", "2026-11-29",
                        "--base-url", BASE.url], check=True, capture_output=True)
        # The record of that build lives in the repository's .unionsite/: deploy the folder by --output.
        deployed = subprocess.run([str(BINARY), "deploy", str(target), "--root", str(REPO), "--output", str(root)],
                                  capture_output=True, text=True)
        assert deployed.returncode == 0, deployed.stderr
        for folder in [work, *work.rglob("*")]:
            if folder.is_dir() and not folder.is_symlink():
                os.chmod(folder, 0o755)
        assert (target / "current").is_symlink()
        server = ApacheSite(target, work)
        try:
            yield server
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_every_link_asset_and_anchor_resolves_under_the_sub_path(apache):
    result = crawl(apache)
    problems = [str(p) for p in result.broken + result.bad_fragments]
    assert not problems, "broken under Apache:\n" + "\n".join(problems)
    assert len(result.html_pages) > 40, f"the crawl reached only {len(result.html_pages)} pages"


def test_missing_pages_get_the_sites_404_page(apache):
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(apache.url_for("no/such/page/"))
    assert error.value.code == 404
    assert b"Page not found" in error.value.read()


def test_the_folder_without_its_slash_redirects(apache):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(HTTPError) as error:
        opener.open(apache.origin + "/members")
    assert error.value.code == 301
    assert error.value.headers["Location"].endswith("/members/")


def test_nothing_outside_the_site_is_served(apache):
    """Debian's `Require all denied` on / stays in force: only the documented folder is granted."""
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(apache.origin + "/")
    assert error.value.code == 403


def test_the_documented_caching_headers(apache):
    with urllib.request.urlopen(apache.url_for("")) as page:
        assert page.headers["Cache-Control"] == "public, max-age=300"
        assert page.headers["Content-Type"].startswith("text/html")
        css_path = re.search(r'href="/members/(assets/site\.[0-9a-f]{8}\.css)"', page.read().decode()).group(1)
    with urllib.request.urlopen(apache.url_for(css_path)) as css:
        assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert css.headers["Content-Type"].startswith("text/css")
