"""Every internal link resolves, every #fragment exists, every page is reachable."""

import os

from conformance_support import require, NOT_FOUND_REL, fetch, html_files_on_disk


def _report(title, problems, limit=300):
    lines = [f"{len(problems)} {title}:"]
    lines += [f"  {p}" for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(f"  ... and {len(problems) - limit} more")
    return "\n".join(lines)


def test_crawl_reaches_pages(crawl_result):
    assert crawl_result.html_pages, "the crawl from the home page found no HTML page at all"
    assert "" in crawl_result.html_pages, "the home page did not load with HTTP 200"


def test_internal_links_resolve(crawl_result):
    """Every href/src/srcset/action/og:url/CSS url() pointing inside the site answers 200,
    with the site mounted at the base_url's path (public-host URLs are mapped to it)."""
    broken = crawl_result.broken
    require(not broken, _report("broken internal link(s) (page:line: attribute 'as written' -> resolved: reason)", broken))


def test_fragments_exist(crawl_result):
    """Every #fragment of an internal link names an id on the target page."""
    bad = crawl_result.bad_fragments
    require(not bad, _report("link(s) to a missing #fragment (page:line: attribute 'as written' -> resolved: reason)", bad))


def test_404_page_exists(server, site_dir):
    """The output has a 404.html, and a missing URL gets it with status 404 (its links are
    checked from a deep missing path by test_internal_links_resolve)."""
    path = os.path.join(site_dir, "404.html")
    assert os.path.isfile(path), "the output has no 404.html"
    r = fetch(server.url_for(NOT_FOUND_REL))
    assert r.status == 404
    with open(path, "rb") as fh:
        assert r.body == fh.read(), "the local server did not answer a missing URL with 404.html"


def test_every_html_page_is_linked(crawl_result, site_dir):
    """Every generated HTML page can be reached by following links from the home page."""
    reached = set(crawl_result.html_pages)
    # Error pages (the site's and each further language's, cy/404.html) are served for missing URLs, never linked.
    orphans = [r for r in html_files_on_disk(site_dir) if r not in reached and os.path.basename(r) != "404.html"]
    require(not orphans, (
        f"{len(orphans)} generated page(s) are not reachable by links from the home page:\n"
        + "\n".join(f"  /{r}" for r in orphans[:200])
    ))
