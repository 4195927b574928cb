"""Site search in a real browser: the sample site built with base_url path /education/, served by
Python's http.server at /education/ on 127.0.0.1, searched with the keyboard in headless Chromium.

    .venv-test/bin/python -m pytest browser-tests/serve/test_search.py

UNIONSITE_BIN picks the binary (default: the first of .build-search/debug and .build/debug that exists).
Uses the `browser` fixture of conftest.py; starts and stops its own build and server."""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
MOUNT = "/education/"
BUDGET = 300 * 1024


def binary() -> Path:
    if os.environ.get("UNIONSITE_BIN"):
        return Path(os.environ["UNIONSITE_BIN"])
    for candidate in (REPO / ".build-search/debug/unionsite", REPO / ".build/debug/unionsite"):
        if candidate.exists():
            return candidate
    pytest.fail("no unionsite binary: run `swift build` first or set UNIONSITE_BIN")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search-site")
    shutil.copytree(REPO / "content", root / "content")
    out = root / "out"
    subprocess.run([str(binary()), "build", "--root", str(root), "--output", str(out), "--date", "2026-11-29",
                    "--base-url", "https://guidance.example.org/education/"], check=True, capture_output=True, text=True)
    return out


class MountedServer:
    """http.server serving a folder at MOUNT, recording every request (path, status)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.requests: list[tuple[str, int]] = []
        server = self

        class Handler(SimpleHTTPRequestHandler):
            def translate_path(self, path):
                path = path.split("?", 1)[0].split("#", 1)[0]
                if not path.startswith(MOUNT):
                    return str(folder / "does-not-exist")
                return super().translate_path("/" + path[len(MOUNT):])

            def log_request(self, code="-", size="-"):
                server.requests.append((self.path.split("?", 1)[0], int(code) if str(code).isdigit() else 0))

            def log_message(self, *args):
                pass

            def end_headers(self):
                # Every query must really fetch what it needs, so the byte count is honest.
                self.send_header("Cache-Control", "no-store")
                super().end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}{MOUNT}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def search_json(self, since: int = 0) -> list[str]:
        return [path for path, _ in self.requests[since:] if path.startswith(MOUNT + "search/") and path.endswith(".json")]

    def bytes_of(self, paths: list[str]) -> int:
        return sum((self.folder / path[len(MOUNT):]).stat().st_size for path in set(paths))


@pytest.fixture(scope="module")
def http(built_site):
    server = MountedServer(built_site)
    yield server
    server.stop()


def wait_for_results(browser, query_words: str):
    status = browser.find_element(By.ID, "search-status")
    WebDriverWait(browser, 10).until(lambda _: query_words in status.text and "result" in status.text)
    return status.text


def result_titles(browser) -> list[str]:
    return [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#search-results li h2 a")]


def test_keyboard_search_finds_the_chapter_and_its_link_works(browser, http):
    browser.get(http.url + "search/")
    body = browser.find_element(By.TAG_NAME, "body")
    body.click()
    # Reach the search box with Tab alone, as a keyboard user would.
    for _ in range(60):
        if browser.switch_to.active_element.get_attribute("id") == "search-input":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    else:
        pytest.fail("the search box is not reachable with Tab")
    since = len(http.requests)
    browser.switch_to.active_element.send_keys("academies", Keys.ENTER)
    status = wait_for_results(browser, "\u201cacademies\u201d")
    assert re.match(r"\d+ results? for \u201cacademies\u201d", status), status
    titles = result_titles(browser)
    assert "Academies and trusts" in titles, titles
    assert titles[0] == "Academies and trusts", titles
    # The address carries the query, so the results can be linked to.
    assert browser.current_url.endswith("search/?q=academies")
    # Query words are marked in the snippets (any form of the word).
    marks = [m.text.lower() for m in browser.find_elements(By.CSS_SELECTOR, "#search-results mark")]
    assert marks and all(m.startswith("academ") for m in marks), marks
    # Focus stays in the search box; the status is a polite live region.
    assert browser.switch_to.active_element.get_attribute("id") == "search-input"
    element = browser.find_element(By.ID, "search-status")
    assert element.get_attribute("aria-live") == "polite" and element.get_attribute("role") == "status"
    fetched = http.search_json(since)
    assert fetched and all(p.startswith(MOUNT + "search/") for p in fetched)
    # Follow the first result with the keyboard.
    first = browser.find_element(By.CSS_SELECTOR, "#search-results li h2 a")
    href = first.get_attribute("href")
    assert href.startswith(http.url), href
    first.send_keys(Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: b.current_url == href)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Academies and trusts"
    path = href[len(http.url) - len(MOUNT):]
    assert (path, 200) in http.requests, http.requests[-5:]


def test_welsh_search_speaks_welsh_and_finds_welsh_pages_only(browser, http):
    """/cy/search/ searches the Welsh index (accents folded) and says so in Welsh, with Welsh
    plural forms (1 canlyniad; a kind label from the Welsh table)."""
    browser.get(http.url + "cy/search/?q=contractau")
    status = browser.find_element(By.ID, "search-status")
    WebDriverWait(browser, 10).until(lambda _: "\u201ccontractau\u201d" in status.text)
    assert status.text == "1 canlyniad ar gyfer \u201ccontractau\u201d.", status.text
    assert result_titles(browser) == ["Contractau cyfnod penodol"]
    kinds = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "#search-results .search-result__kind")]
    assert kinds == ["Canllaw i aelodau"], kinds
    browser.get(http.url + "cy/search/?q=academies")
    WebDriverWait(browser, 10).until(lambda _: "\u201cacademies\u201d" in status_text(browser))
    assert status_text(browser).startswith("Dim canlyniadau ar gyfer"), status_text(browser)


def status_text(browser) -> str:
    return browser.find_element(By.ID, "search-status").text


def test_kind_filter_hides_other_kinds_without_refetching_shards(browser, http):
    browser.get(http.url + "search/?q=academies")
    wait_for_results(browser, "\u201cacademies\u201d")
    kinds = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "#search-results .search-result__kind")]
    assert "Member guide" in kinds and len(set(kinds)) > 1, kinds
    since = len(http.requests)
    for kind in ("article", "principle", "page", "vacancy"):
        box = browser.find_element(By.ID, f"search-kind-{kind}")
        box.send_keys(Keys.SPACE)
        assert not box.is_selected()
    WebDriverWait(browser, 10).until(
        lambda b: {p.text for p in b.find_elements(By.CSS_SELECTOR, "#search-results .search-result__kind")} == {"Member guide"})
    status = browser.find_element(By.ID, "search-status").text
    assert "in the kinds chosen" in status, status
    assert not [p for p in http.search_json(since) if "/terms/" in p], http.search_json(since)
    browser.find_element(By.ID, "search-kind-article").send_keys(Keys.SPACE)
    WebDriverWait(browser, 10).until(
        lambda b: "Article" in {p.text for p in b.find_elements(By.CSS_SELECTOR, "#search-results .search-result__kind")})


@pytest.mark.parametrize("query", ["academies", "trust independence", "fixed-term contracts", "school improvement adviser"])
def test_a_query_downloads_under_the_budget(browser, http, query):
    browser.get(http.url + "search/")  # a fresh page: nothing cached in the page
    since = len(http.requests)
    box = browser.find_element(By.ID, "search-input")
    box.send_keys(query, Keys.ENTER)
    WebDriverWait(browser, 10).until(lambda b: "result" in b.find_element(By.ID, "search-status").text)
    fetched = http.search_json(since)
    on_disk = http.bytes_of(fetched)
    measured = browser.execute_script(
        "return performance.getEntriesByType('resource')"
        ".filter(e => e.name.includes('/search/') && e.name.endsWith('.json'))"
        ".reduce((sum, e) => sum + (e.decodedBodySize || e.encodedBodySize || 0), 0)")
    assert 0 < on_disk <= BUDGET, (query, on_disk, fetched)
    assert measured <= BUDGET, (query, measured)
    # Only the shards the stems need, and only the chunks the shown results need.
    assert sum("/terms/" in p for p in fetched) <= len(re.split(r"\W+", query)), fetched


def test_browser_stemmer_matches_the_swift_golden_list(browser, http):
    swift = (REPO / "Tests/UnionSiteTests/Search/SearchStemmerTests.swift").read_text()
    golden = re.findall(r'\("([^"]+)", "([^"]+)"\)', swift)
    assert len(golden) > 40
    browser.get(http.url + "search/")
    got = browser.execute_script("return arguments[0].map(w => window.unionsiteSearch.stem(w))", [w for w, _ in golden])
    assert [g for g in zip([w for w, _ in golden], got, [e for _, e in golden]) if g[1] != g[2]] == []
    stems = browser.execute_script("return window.unionsiteSearch.stems(arguments[0])", "The Academies and Trusts, cafe\u0301 union\u2019s")
    assert stems == ["academy", "trust", "caf\u00e9", "union"]


def test_browser_welsh_keys_match_the_swift_list(browser, http):
    swift = (REPO / "Tests/UnionSiteTests/Search/SearchLanguageTests.swift").read_text()
    golden = re.findall(r'\("([^"]+)", "([^"]+)"\)', swift)
    assert len(golden) >= 10
    browser.get(http.url + "search/")
    got = browser.execute_script("return arguments[0].map(w => window.unionsiteSearch.keyIn(false, w))", [w for w, _ in golden])
    assert [g for g in zip([w for w, _ in golden], got, [e for _, e in golden]) if g[1] != g[2]] == []


def test_without_javascript_the_page_says_how_else_to_find_things(built_site):
    html = (built_site / "search/index.html").read_text()
    noscript = html[html.index("<noscript>"):html.index("</noscript>")]
    for href in ("/education/guide/", "/education/guide/glossary/", "/education/principles/", "/education/articles/", "/education/vacancies/"):
        assert f'href="{href}"' in noscript, href
    # The form needs the script; it is shown by it.
    assert re.search(r'<form[^>]*role="search"[^>]*hidden', html)
    assert 'data-index="/education/search/"' in html
    assert re.search(r'<script src="/education/assets/search\.[0-9a-f]{8}\.js" defer></script>', html)


def test_an_unknown_word_says_so(browser, http):
    browser.get(http.url + "search/?q=xylophone")
    status = browser.find_element(By.ID, "search-status")
    WebDriverWait(browser, 10).until(lambda _: "No results" in status.text)
    assert result_titles(browser) == []


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_page_passes_axe(browser, http, scheme):
    axe = REPO / ".venv-test/axe.min.js"
    if not axe.exists():
        pytest.skip("no .venv-test/axe.min.js: run scripts/install-test-tools")
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
    try:
        browser.get(http.url + "search/?q=academies+trusts")
        wait_for_results(browser, "\u201cacademies trusts\u201d")
        browser.find_element(By.ID, "search-kind-page").send_keys(Keys.SPACE)
        browser.execute_script(axe.read_text())
        result = browser.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
              .catch(e => done(['axe failed: ' + e]));
            """, AXE_TAGS)
        assert result == []
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})
