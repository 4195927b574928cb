"""Feeds parse cleanly and point at real pages; the sitemap is well-formed and complete."""

import glob
import os
import xml.etree.ElementTree as ET

import feedparser
import pytest

from conformance_support import require

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"



def _xml_files(site_dir):
    return sorted(os.path.relpath(p, site_dir).replace(os.sep, "/")
                  for p in glob.glob(os.path.join(site_dir, "**", "*.xml"), recursive=True))


def _is_feed(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        return os.path.basename(path) in ("feed.xml", "atom.xml", "rss.xml", "index.xml")
    return root.tag in (f"{ATOM}feed", "rss", "{http://purl.org/rss/1.0/}RDF", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF")


def _maps_to_file(server, site_dir, url):
    """The output file a public (or local) URL is served from, or None when it is not there."""
    rel = server.rel_of(url.split("#")[0])
    if rel is None:
        return None
    path = os.path.join(site_dir, rel)
    if rel == "" or rel.endswith("/"):
        path = os.path.join(path, "index.html")
    return path if os.path.isfile(path) else None


def test_xml_files_are_well_formed(site_dir):
    files = _xml_files(site_dir)
    assert files, "the output has no .xml file (expected at least feed.xml and sitemap.xml)"
    bad = []
    for rel in files:
        try:
            ET.parse(os.path.join(site_dir, rel))
        except ET.ParseError as e:
            bad.append(f"  {rel}:{e.position[0]}:{e.position[1]}: {e}")
    require(not bad, f"{len(bad)} XML file(s) not well-formed:\n" + "\n".join(bad))


def pytest_generate_tests(metafunc):
    """One test per feed: feed.xml always (it is required), plus every feed found in the output."""
    if "feed" in metafunc.fixturenames:
        site = metafunc.config.getoption("--site")
        found = [f for f in _xml_files(site) if _is_feed(os.path.join(site, f))]
        metafunc.parametrize("feed", sorted(set(["feed.xml"] + found)))


def test_feed_parses_cleanly(feed, site_dir, server, base):
    """feedparser reads the feed with bozo == 0; its entries link to pages of the site."""
    require(os.path.isfile(os.path.join(site_dir, feed)), f"the output has no {feed} (the articles' Atom feed is required)")
    feeds = [feed]
    problems = []
    for rel in feeds:
        with open(os.path.join(site_dir, rel), "rb") as fh:
            d = feedparser.parse(fh.read())
        if d.bozo:
            problems.append(f"  {rel}: feedparser bozo: {d.get('bozo_exception')!r}")
            continue
        if d.version and not d.version.startswith("atom"):
            print(f"{rel}: {d.version} (not Atom)")
        for key in ("title", "id", "updated") if d.version.startswith("atom") else ("title",):
            if not d.feed.get(key):
                problems.append(f"  {rel}: the feed has no <{key}>")
        self_links = [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "self"]
        for href in self_links:
            if not href.startswith(base.url) or _maps_to_file(server, site_dir, href) is None:
                problems.append(f"  {rel}: rel=self {href} is not this feed under {base.url}")
        for i, e in enumerate(d.entries, 1):
            for key in ("title", "id", "link"):
                if not e.get(key):
                    problems.append(f"  {rel}: entry {i} has no {key}")
            if d.version.startswith("atom") and not (e.get("updated") or e.get("published")):
                problems.append(f"  {rel}: entry {i} has no <updated>")
            link = e.get("link")
            if not link:
                continue
            if not link.startswith(("http://", "https://")):
                problems.append(f"  {rel}: entry {i} link {link} is not an absolute URL")
            elif base.is_public(link):
                if not link.startswith(base.url):
                    problems.append(f"  {rel}: entry {i} link {link} is not under {base.url}")
                elif _maps_to_file(server, site_dir, link) is None:
                    problems.append(f"  {rel}: entry {i} link {link} has no page in the output")
    require(not problems, "\n".join(problems))


def test_sitemap_locs_exist(site_dir, server, base):
    """sitemap.xml is a well-formed urlset whose <loc>s are absolute URLs under base_url
    that map to files of the output."""
    path = os.path.join(site_dir, "sitemap.xml")
    assert os.path.isfile(path), "the output has no sitemap.xml"
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        pytest.fail(f"sitemap.xml:{e.position[0]}:{e.position[1]}: not well-formed: {e}")
    assert root.tag in (f"{SM}urlset", f"{SM}sitemapindex"), f"sitemap.xml root is {root.tag}, not a sitemaps.org urlset"
    locs = [(el.text or "").strip() for el in root.iter(f"{SM}loc")]
    assert locs, "sitemap.xml lists no <loc>"
    problems = []
    for loc in locs:
        if not loc.startswith(base.url):
            problems.append(f"  {loc}: not under base_url {base.url}")
        elif _maps_to_file(server, site_dir, loc) is None:
            problems.append(f"  {loc}: no such file in the output")
    dupes = sorted({l for l in locs if locs.count(l) > 1})
    problems += [f"  {l}: listed more than once" for l in dupes]
    require(not problems, f"{len(problems)} sitemap problem(s):\n" + "\n".join(problems))
