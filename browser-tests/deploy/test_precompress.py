"""`deploy --precompress` into a folder, served by nginx with `gzip_static on;` as
docs/publishing.md shows: a browser that accepts gzip gets the .gz bytes, which decompress to
the page; one that does not gets the page itself."""

from __future__ import annotations

import gzip
import urllib.request

from test_deploy import ok


def fetch(url: str, gzip_ok: bool):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


def test_gzip_static_serves_the_precompressed_copies(site, tmp_path, nginx_for):
    target = tmp_path / "www"
    ok(site.build())
    result = ok(site.deploy(str(target), "--precompress"))
    assert "Compressed" in result.stdout
    release = target / "current"
    page = (release / "index.html").read_bytes()
    assert len(page) > 1024 and (release / "index.html.gz").exists()
    assert gzip.decompress((release / "index.html.gz").read_bytes()) == page
    assert not (release / "robots.txt.gz").exists(), "only HTML, CSS, JS, JSON, XML and SVG are compressed"

    origin = nginx_for(target, "gzip_static on; gzip_vary on;")
    headers, body = fetch(origin + "/members/", gzip_ok=True)
    assert headers["Content-Encoding"] == "gzip"
    assert body == (release / "index.html.gz").read_bytes()
    assert gzip.decompress(body) == page
    headers, body = fetch(origin + "/members/", gzip_ok=False)
    assert headers.get("Content-Encoding") is None
    assert body == page
