"""Sub-path hosting, proven with a real web server: the sample site built for
https://guidance.example.org/members/ and served by nginx at /members/ on 127.0.0.1 has no
broken link, asset, anchor or search result, and nginx's error_page serves /members/404.html."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
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
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class NginxSite(MountedSite):
    """nginx on 127.0.0.1, serving the built folder at the base URL's path; the same
    interface as the conformance gate's SiteServer, so its crawler can be reused."""

    def __init__(self, site: Path, work: Path):
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = BASE
        self.root_url = self.origin + BASE.mount
        conf = work / "nginx.conf"
        conf.write_text(f"""
user root;
worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    types {{ application/atom+xml xml; }}
    access_log off;
    client_body_temp_path {work}/body;
    proxy_temp_path {work}/proxy;
    fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi;
    scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        location {BASE.mount} {{
            alias {site}/;
            index index.html;
            error_page 404 {BASE.mount}404.html;
            add_header Cache-Control "public, max-age=300";
            location {BASE.mount}assets/ {{
                alias {site}/assets/;
                add_header Cache-Control "public, max-age=31536000, immutable";
            }}
            location {BASE.mount}cy/ {{
                alias {site}/cy/;
                error_page 404 {BASE.mount}cy/404.html;
                add_header Cache-Control "public, max-age=300";
            }}
        }}
    }}
}}
""")
        self.process = subprocess.Popen([NGINX, "-c", str(conf), "-g", "daemon off;"], stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.process.kill()
        raise RuntimeError("nginx did not start: " + self.process.stderr.read().decode())

    def stop(self):
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: scripts/install-test-tools installs it")
    work = tmp_path_factory.mktemp("nginx")
    site = work / "site"
    subprocess.run([str(BINARY), "build", "--root", str(REPO), "--output", str(site), "--date", "2026-11-29",
                    "--base-url", BASE.url], check=True, capture_output=True)
    server = NginxSite(site, work)
    yield server
    server.stop()


def test_every_link_asset_and_anchor_resolves_under_the_sub_path(nginx):
    result = crawl(nginx)
    problems = [str(p) for p in result.broken + result.bad_fragments]
    assert not problems, "broken under nginx:\n" + "\n".join(problems)
    assert len(result.html_pages) > 40, f"the crawl reached only {len(result.html_pages)} pages"


def test_welsh_pages_are_reached_and_link_back_under_the_sub_path(nginx):
    """The sample site is bilingual: the crawl reaches the Welsh pages from the English home page
    (the header's language link), and each page's alternates and switcher stay under /members/."""
    result = crawl(nginx)
    welsh = [page for page in result.html_pages if page.startswith("cy/")]
    assert len(welsh) > 10, f"the crawl reached only {len(welsh)} Welsh pages"
    with urllib.request.urlopen(nginx.url_for("cy/guide/fixed-term-contracts/")) as page:
        html = page.read().decode()
    assert '<html lang="cy">' in html
    assert f'<link rel="alternate" hreflang="en-GB" href="{BASE.url}guide/fixed-term-contracts/">' in html
    assert f'<a href="{BASE.mount}guide/fixed-term-contracts/" lang="en-GB" hreflang="en-GB">English</a>' in html
    assert f"{BASE.mount}cy/cy/" not in html and "href=\"/cy/" not in html


def test_a_missing_welsh_page_gets_the_welsh_404_page(nginx):
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(nginx.url_for("cy/dim/tudalen/"))
    assert error.value.code == 404
    assert b'<html lang="cy">' in error.value.read()


def test_missing_pages_get_the_sites_404_page(nginx):
    with pytest.raises(HTTPError) as error:
        urllib.request.urlopen(nginx.url_for("no/such/page/"))
    assert error.value.code == 404
    assert b"Page not found" in error.value.read()


def test_search_results_point_into_the_sub_path(nginx):
    meta = json.load(urllib.request.urlopen(nginx.url_for("search/meta.json")))
    assert meta["docCount"] > 10
    chunk = json.load(urllib.request.urlopen(nginx.url_for("search/docs/0.json")))
    docs = chunk if isinstance(chunk, list) else chunk.get("docs", [])
    assert docs, "the first search chunk is empty"
    for doc in docs:
        assert doc["url"].startswith(BASE.mount), doc["url"]
        with urllib.request.urlopen(nginx.origin + doc["url"]) as page:
            assert page.status == 200


def test_assets_are_cached_for_a_year_and_pages_briefly(nginx):
    """docs/publishing.md's caching rules: hashed asset names, immutable for a year; pages five minutes."""
    with urllib.request.urlopen(nginx.url_for("")) as page:
        assert page.headers["Cache-Control"] == "public, max-age=300"
        html = page.read().decode()
    match = re.search(r'<link rel="stylesheet" href="([^"]+/assets/site\.[0-9a-f]{8}\.css)">', html)
    assert match, "the home page links no hashed stylesheet"
    with urllib.request.urlopen(nginx.origin + match.group(1)) as css:
        assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert css.headers["Content-Type"].startswith("text/css")
    for plain in ("assets/site.css", "assets/search.js"):
        with pytest.raises(HTTPError) as error:
            urllib.request.urlopen(nginx.url_for(plain))
        assert error.value.code == 404, plain
