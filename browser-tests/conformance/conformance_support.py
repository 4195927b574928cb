"""Helpers for the browser/standards conformance gate: a local server that mounts the
built site at the base_url's path, a link crawler, and the page kinds the browser
checks pick representatives for. No pytest in here, so each piece can be reused."""

from __future__ import annotations

import http.client
import http.server
import mimetypes
import os
import posixpath
import re
import struct
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit, urlunsplit

# ---------------------------------------------------------------------------
# Base URL


@dataclass(frozen=True)
class BaseURL:
    """The site's public base_url split into what the tests need."""

    url: str  # https://guidance.example.org/education/
    origin: str  # https://guidance.example.org
    mount: str  # /education/

    @classmethod
    def parse(cls, url: str) -> "BaseURL":
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"--base-url must be an absolute http(s) URL, got {url!r}")
        mount = parts.path or "/"
        if not mount.endswith("/"):
            mount += "/"
        return cls(url=f"{parts.scheme}://{parts.netloc}{mount}", origin=f"{parts.scheme}://{parts.netloc}", mount=mount)

    def is_public(self, url: str) -> bool:
        """Same host as the public base_url (either scheme)."""
        p = urlsplit(url)
        return p.scheme in ("http", "https") and p.netloc.lower() == urlsplit(self.origin).netloc.lower()


# ---------------------------------------------------------------------------
# Local server

for _ext, _type in {
    ".xml": "application/xml",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".css": "text/css",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".txt": "text/plain",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
    ".pf_meta": "application/octet-stream",
}.items():
    mimetypes.add_type(_type, _ext)


def make_handler(site_dir: str, mount: str):
    site_dir = os.path.realpath(site_dir)

    class SiteHandler(http.server.BaseHTTPRequestHandler):
        """Serves site_dir at `mount` the way a static host would: folders get index.html
        (after a redirect to the trailing-slash URL), anything missing gets 404.html with 404."""

        protocol_version = "HTTP/1.0"
        server_version = "conformance"

        def log_message(self, *args):  # keep pytest output clean
            pass

        def do_HEAD(self):
            self._serve(head=True)

        def do_GET(self):
            self._serve(head=False)

        def _file_for(self, url_path: str):
            """Returns (kind, value): ('file', path) | ('redirect', location) | ('missing', None)."""
            if not url_path.startswith(mount):
                return ("missing", None)
            rel = unquote(url_path[len(mount):])
            if "\x00" in rel:
                return ("missing", None)
            norm = posixpath.normpath("/" + rel).lstrip("/")
            if norm in ("", "."):
                norm = ""
            full = os.path.realpath(os.path.join(site_dir, norm))
            if full != site_dir and not full.startswith(site_dir + os.sep):
                return ("missing", None)
            if os.path.isdir(full):
                if not url_path.endswith("/"):
                    return ("redirect", url_path + "/")
                full = os.path.join(full, "index.html")
            elif url_path.endswith("/"):
                return ("missing", None)  # a file is not a folder
            if os.path.isfile(full):
                return ("file", full)
            return ("missing", None)

        def _serve(self, head: bool):
            path = urlsplit(self.path).path
            kind, value = self._file_for(path)
            if kind == "redirect":
                query = urlsplit(self.path).query
                self.send_response(301)
                self.send_header("Location", value + (f"?{query}" if query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            status = 200
            if kind == "missing":
                status = 404
                value = os.path.join(site_dir, "404.html")
                if not os.path.isfile(value):
                    body, ctype = b"404 Not Found (the site has no 404.html)\n", "text/plain; charset=utf-8"
                    value = None
            if value is not None:
                with open(value, "rb") as fh:
                    body = fh.read()
                ctype = mimetypes.guess_type(value)[0] or "application/octet-stream"
                if ctype.startswith("text/") or ctype in ("application/xml", "application/json", "image/svg+xml"):
                    ctype += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

    return SiteHandler


class MountedSite:
    """A site reachable at `origin` + `base.mount`: URL mapping shared by every server the
    tests run (Python's http.server here, nginx in browser-tests/publish)."""

    origin: str
    base: BaseURL
    root_url: str

    def to_local(self, url: str) -> str:
        """Maps a URL on the public host to the same path on the local server."""
        if self.base.is_public(url):
            p = urlsplit(url)
            return urlunsplit(("http", urlsplit(self.origin).netloc, p.path or "/", p.query, p.fragment))
        return url

    def url_for(self, rel: str) -> str:
        return self.root_url + rel

    def rel_of(self, url: str) -> str | None:
        """Path relative to the mount of a local or public URL, or None when outside the site."""
        url = self.to_local(url)
        p = urlsplit(url)
        if f"{p.scheme}://{p.netloc}" != self.origin or not p.path.startswith(self.base.mount):
            return None
        return unquote(p.path[len(self.base.mount):])


class SiteServer(MountedSite):
    """The site on http://127.0.0.1:<free port><mount>, in a daemon thread."""

    def __init__(self, site_dir: str, base: BaseURL):
        handler = make_handler(site_dir, base.mount)
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.origin = f"http://{host}:{port}"
        self.root_url = self.origin + base.mount
        self.base = base
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="conformance-server", daemon=True)

    def start(self) -> "SiteServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# ---------------------------------------------------------------------------
# Fetching


@dataclass
class Response:
    url: str  # final URL after redirects
    status: int
    content_type: str
    body: bytes
    redirects: list[str] = field(default_factory=list)
    error: str | None = None


def fetch(url: str, max_redirects: int = 5) -> Response:
    chain = []
    for _ in range(max_redirects + 1):
        p = urlsplit(url)
        conn = http.client.HTTPConnection(p.hostname, p.port, timeout=10)
        try:
            conn.request("GET", urlunsplit(("", "", p.path or "/", p.query, "")))
            r = conn.getresponse()
            body = r.read()
            status, location, ctype = r.status, r.getheader("Location"), r.getheader("Content-Type", "")
        except (OSError, http.client.HTTPException) as e:
            return Response(url, 0, "", b"", chain, error=f"{type(e).__name__}: {e}")
        finally:
            conn.close()
        if status in (301, 302, 303, 307, 308) and location:
            chain.append(url)
            url = urljoin(url, location)
            continue
        return Response(url, status, ctype.split(";")[0].strip().lower(), body, chain)
    return Response(url, 0, "", b"", chain, error="too many redirects")


# ---------------------------------------------------------------------------
# HTML parsing

# (tag, attribute) pairs whose value is one URL
URL_ATTRS = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
    ("source", "src"), ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"),
    ("iframe", "src"), ("embed", "src"), ("object", "data"), ("form", "action"), ("input", "src"),
    ("use", "href"), ("use", "xlink:href"), ("image", "href"), ("image", "xlink:href"),
    ("blockquote", "cite"), ("q", "cite"), ("ins", "cite"), ("del", "cite"),
}
SRCSET_ATTRS = {("img", "srcset"), ("source", "srcset"), ("link", "imagesrcset")}
META_URL_PROPS = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "og:audio", "og:video"}
# rel values whose href is an origin hint, not a resource
HINT_RELS = {"preconnect", "dns-prefetch"}


@dataclass
class Link:
    where: str  # e.g. '<a href>' or '<link rel="canonical" href>'
    raw: str
    line: int


class PageParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[Link] = []
        self.base_href: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v if v is not None else "") for k, v in attrs}
        line = self.getpos()[0]
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.ids.add(a["name"])
        if tag == "base" and "href" in a and self.base_href is None:
            self.base_href = a["href"]
        if tag == "link":
            rels = set(a.get("rel", "").lower().split())
            if rels & HINT_RELS:
                return
            where = f'<link rel="{a.get("rel", "")}" href>'
        else:
            where = None
        for name, value in a.items():
            if (tag, name) in URL_ATTRS:
                if tag == "form" and name == "action" and value.strip() == "":
                    continue
                self.links.append(Link(where or f"<{tag} {name}>", value.strip(), line))
            elif (tag, name) in SRCSET_ATTRS:
                for cand in value.split(","):
                    cand = cand.strip().split()
                    if cand:
                        self.links.append(Link(f"<{tag} {name}>", cand[0], line))
        if tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            if prop in META_URL_PROPS and a.get("content"):
                self.links.append(Link(f'<meta property="{prop}">', a["content"].strip(), line))

    handle_startendtag = handle_starttag


def parse_html(body: bytes) -> PageParser:
    p = PageParser()
    p.feed(body.decode("utf-8", errors="replace"))
    p.close()
    return p


SVG_ID = re.compile(rb"""\bid\s*=\s*["']([^"']+)["']""")
CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def css_links(body: bytes) -> list[Link]:
    text = body.decode("utf-8", errors="replace")
    text = CSS_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for m in CSS_URL.finditer(text):
        raw = next(g for g in m.groups() if g is not None) if any(g is not None for g in m.groups()) else ""
        if raw and not raw.startswith("data:") and not raw.startswith("#"):
            out.append(Link("css url()", raw, text.count("\n", 0, m.start()) + 1))
    return out


# ---------------------------------------------------------------------------
# Crawling

IGNORED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "geo:", "blob:")


@dataclass
class Page:
    url: str  # local URL as requested
    final_url: str
    status: int
    content_type: str
    ids: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)


@dataclass
class Problem:
    page: str  # where the link is (relative to the mount)
    link: Link
    resolved: str
    reason: str

    def __str__(self):
        return f"{self.page}:{self.link.line}: {self.link.where} {self.link.raw!r} -> {self.resolved}: {self.reason}"


@dataclass
class CrawlResult:
    pages: dict[str, Page]  # by local URL without fragment
    broken: list[Problem]  # target does not resolve
    bad_fragments: list[Problem]  # target resolves but the #id is not on it
    html_pages: list[str]  # relative paths of crawled HTML pages (status 200)
    not_found_probe: Page | None


def crawl(server: SiteServer, start_rel: str = "", not_found_rel: str = "conformance-missing/deeper/page/") -> CrawlResult:
    """Fetches every internal page and asset reachable from the home page (and from the
    404 page as served at a deep missing URL), checking that every internal link resolves
    and that every fragment exists as an id on its target."""
    pages: dict[str, Page] = {}
    todo = [server.url_for(start_rel), server.url_for(not_found_rel)]
    queued = set(todo)
    pending_checks: list[tuple[str, Link, str, str | None]] = []  # (from_url, link, target_url, fragment)

    def visit(url: str) -> Page:
        if url in pages:
            return pages[url]
        r = fetch(url)
        pg = Page(url=url, final_url=r.url, status=r.status, content_type=r.content_type)
        if r.error:
            pg.status = 0
            pg.content_type = r.error
        pages[url] = pg
        is_probe = url == server.url_for(not_found_rel)
        if (r.status == 200 or is_probe) and r.content_type in ("text/html", "application/xhtml+xml"):
            parsed = parse_html(r.body)
            pg.ids = parsed.ids
            pg.links = parsed.links
            base = urljoin(r.url, parsed.base_href) if parsed.base_href else r.url
            for link in parsed.links:
                queue_link(url, base, link)
        elif r.status == 200 and r.content_type == "text/css":
            pg.links = css_links(r.body)
            for link in pg.links:
                queue_link(url, r.url, link)
        elif r.status == 200 and r.content_type == "image/svg+xml":
            pg.ids = {m.decode("utf-8", "replace") for m in SVG_ID.findall(r.body)}
        return pg

    def queue_link(from_url: str, base: str, link: Link):
        raw = link.raw
        if not raw or raw.lower().startswith(IGNORED_SCHEMES):
            return
        absolute = urljoin(base, raw)
        local = server.to_local(absolute)
        target, frag = urldefrag(local)
        p = urlsplit(target)
        if f"{p.scheme}://{p.netloc}" != server.origin:
            return  # external
        pending_checks.append((from_url, link, target, frag if "#" in local else None))
        if p.path.startswith(server.base.mount) and target not in queued:
            queued.add(target)
            todo.append(target)

    i = 0
    while i < len(todo):
        visit(todo[i])
        i += 1

    not_found_url = server.url_for(not_found_rel)
    broken, bad_frag = [], []
    seen = set()
    for from_url, link, target, frag in pending_checks:
        src = urlsplit(from_url).path
        if from_url == not_found_url:
            src = f"404.html (served at {src})"
        key = (src, link.where, link.raw)
        if key in seen:
            continue
        seen.add(key)
        shown_target = target.replace(server.origin, "")
        if not urlsplit(target).path.startswith(server.base.mount):
            broken.append(Problem(src, link, shown_target, f"outside the mount path {server.base.mount}: would leave the site when deployed"))
            continue
        if link.raw.startswith("#"):
            tp = pages[from_url]  # same-document reference (also on the 404 page)
        else:
            tp = pages[target]
        if tp.status != 200 and not link.raw.startswith("#"):
            reason = f"HTTP {tp.status}" if tp.status else f"fetch failed ({tp.content_type})"
            broken.append(Problem(src, link, shown_target, reason))
            continue
        if tp.final_url != tp.url and not link.raw.startswith("#"):
            broken.append(Problem(src, link, shown_target, f"redirects to {tp.final_url.replace(server.origin, '')} "
                                  "(link to the folder URL with its trailing slash; not every host redirects)"))
            continue
        if frag is None:
            continue
        frag_id = unquote(frag)
        if frag_id in ("", "top") and tp.content_type in ("text/html", "application/xhtml+xml"):
            continue
        if tp.content_type in ("text/html", "application/xhtml+xml", "image/svg+xml"):
            if frag_id not in tp.ids and frag not in tp.ids:
                bad_frag.append(Problem(src, link, shown_target + "#" + frag, f'no element with id="{frag_id}" on the target page'))

    html_pages = sorted({
        server.rel_of(p.final_url) for u, p in pages.items()
        if p.status == 200 and p.content_type == "text/html" and u != not_found_url
    } - {None})
    return CrawlResult(pages, broken, bad_frag, html_pages, pages.get(not_found_url))


# ---------------------------------------------------------------------------
# Page kinds and representatives

SECTIONS = {"articles", "tags", "principles", "guide", "vacancies", "search", "assets", "static", "files", "images", "css", "js", "theme"}


def _is_page(rel: str) -> bool:
    m = re.fullmatch(r"([^/]+)/", rel)
    return bool(m) and m.group(1) not in SECTIONS and m.group(1) != "page"


VACANCY_PAGE = r"vacancies/(?!archive/|page/|region/|contract/|hours/)[^/]+/"

# (kind id, description, matcher over the path relative to the mount: '' is the home page,
# folders end with '/', 404 is '404.html')
PAGE_KINDS: list[tuple[str, str, object]] = [
    ("home", "home page", lambda r: r == ""),
    ("article", "article page", lambda r: re.fullmatch(r"articles/(?!page/)[^/]+/", r) is not None),
    ("articles-list", "articles list (/articles/)", lambda r: r == "articles/"),
    ("tag", "tag page (/tags/<tag>/)", lambda r: re.fullmatch(r"tags/[^/]+/", r) is not None),
    ("tags-index", "tags index (/tags/)", lambda r: r == "tags/"),
    ("principle", "principle document page", lambda r: re.fullmatch(r"principles/[^/]+/", r) is not None),
    ("principles-index", "principles index (/principles/)", lambda r: r == "principles/"),
    ("guide-index", "guide index (/guide/)", lambda r: r == "guide/"),
    ("guide-chapter", "guide chapter page", lambda r: re.fullmatch(r"guide/(?!glossary/|print/)[^/]+/", r) is not None),
    ("glossary", "glossary (/guide/glossary/)", lambda r: r == "guide/glossary/"),
    ("guide-print", "printable guide (/guide/print/)", lambda r: r == "guide/print/"),
    ("page", "standalone page (/<slug>/)", _is_page),
    ("vacancies-list", "vacancies list (/vacancies/)", lambda r: r == "vacancies/"),
    ("vacancy", "vacancy page", lambda r: re.fullmatch(VACANCY_PAGE, r) is not None),
    ("vacancy-facet", "filtered vacancies list (/vacancies/region|contract|hours/<value>/)",
     lambda r: re.fullmatch(r"vacancies/(region|contract|hours)/[^/]+/", r) is not None),
    ("vacancy-archive", "vacancy archive (/vacancies/archive/)", lambda r: r == "vacancies/archive/"),
    ("search", "search page (/search/)", lambda r: r == "search/"),
    ("404", "404.html", lambda r: r == "404.html"),
]
KIND_IDS = [k for k, _, _ in PAGE_KINDS]
KIND_DESCRIPTIONS = {k: d for k, d, _ in PAGE_KINDS}

# The 404 page is loaded at a missing, deep URL, as a visitor would meet it.
NOT_FOUND_REL = "conformance-missing/deeper/page/"


def html_files_on_disk(site_dir: str) -> list[str]:
    """Site-relative URL paths of every HTML file ('' for /index.html, 'a/b/' for a/b/index.html)."""
    out = []
    for dirpath, _dirs, files in os.walk(site_dir):
        for f in files:
            if not f.endswith(".html"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, f), site_dir).replace(os.sep, "/")
            if rel == "index.html":
                out.append("")
            elif rel.endswith("/index.html"):
                out.append(rel[: -len("index.html")])
            else:
                out.append(rel)
    return sorted(out)


def choose_representatives(site_dir: str, crawled: list[str]) -> dict[str, str]:
    """For each kind, the richest page of that kind: the largest HTML file, preferring pages
    the crawl reached. Kinds absent from the site are missing from the result."""
    on_disk = html_files_on_disk(site_dir)
    crawled_set = set(crawled)

    def size(rel):
        path = os.path.join(site_dir, rel + "index.html" if (rel == "" or rel.endswith("/")) else rel)
        return os.path.getsize(path)

    reps = {}
    for kind, _desc, match in PAGE_KINDS:
        cands = [r for r in on_disk if match(r)]
        if not cands:
            continue
        cands.sort(key=lambda r: (r not in crawled_set, -size(r), r))
        reps[kind] = cands[0]
    return reps


def local_url_for_kind(server: SiteServer, kind: str, rel: str) -> str:
    return server.url_for(NOT_FOUND_REL if kind == "404" else rel)


# ---------------------------------------------------------------------------
# Failing with a readable message


def require(ok, message: str):
    """Fails the calling test with `message` alone (no assertion introspection noise)."""
    if not ok:
        import pytest

        pytest.fail(message, pytrace=False)


# ---------------------------------------------------------------------------
# PNG


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])
