"""Browser/standards conformance gate for a built unionsite output folder.

    .venv-test/bin/python -m pytest browser-tests/conformance --site public \
        --base-url https://guidance.example.org/education/ [--screenshots DIR]

The site folder is served on 127.0.0.1 at the base_url's path, crawled, validated with the
Nu HTML checker, checked with axe-core in headless Chromium (light and dark), and checked for
reflow, keyboard access, feeds and the sitemap. Install the tools with scripts/install-test-tools.
"""

from __future__ import annotations

import os
import sys
import time

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from conformance_support import (  # noqa: E402
    KIND_DESCRIPTIONS,
    BaseURL,
    SiteServer,
    choose_representatives,
    crawl,
    local_url_for_kind,
)

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def pytest_addoption(parser):
    g = parser.getgroup("conformance")
    g.addoption("--site", default="public", help="built output folder to check (default: public)")
    g.addoption("--base-url", default=None, help="the site's base_url, e.g. https://guidance.example.org/education/ (required)")
    g.addoption("--screenshots", default=".build-screenshots", help="folder for PNG screenshots (default: .build-screenshots/)")
    g.addoption("--axe-js", default=os.path.join(REPO, ".venv-test", "axe.min.js"), help="path to axe.min.js")


def pytest_configure(config):
    if config.getoption("--base-url") is None:
        raise pytest.UsageError("browser-tests/conformance needs --base-url (the site's base_url, e.g. https://guidance.example.org/education/)")
    site = config.getoption("--site")
    if not os.path.isfile(os.path.join(site, "index.html")):
        raise pytest.UsageError(f"--site {site!r} is not a built site (no index.html in it)")
    BaseURL.parse(config.getoption("--base-url"))


# ---------------------------------------------------------------------------
# timing summary: how long each part of the gate took


_timings: dict[str, float] = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    start = time.monotonic()
    yield
    part = item.module.__name__.replace("test_", "")
    _timings[part] = _timings.get(part, 0.0) + time.monotonic() - start


def pytest_terminal_summary(terminalreporter):
    if _timings:
        terminalreporter.write_sep("-", "conformance time per part (includes shared setup done there)")
        for part, secs in _timings.items():
            terminalreporter.write_line(f"{part:>18}: {secs:6.1f} s")


# ---------------------------------------------------------------------------
# fixtures


@pytest.fixture(scope="session")
def site_dir(pytestconfig) -> str:
    return os.path.abspath(pytestconfig.getoption("--site"))


@pytest.fixture(scope="session")
def base(pytestconfig) -> BaseURL:
    return BaseURL.parse(pytestconfig.getoption("--base-url"))


@pytest.fixture(scope="session")
def server(site_dir, base):
    srv = SiteServer(site_dir, base).start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def crawl_result(server):
    return crawl(server)


@pytest.fixture(scope="session")
def representatives(site_dir, crawl_result) -> dict[str, str]:
    return choose_representatives(site_dir, crawl_result.html_pages)


@pytest.fixture
def representative(request, representatives, server):
    """(kind, site-relative path, local URL) for the test's `kind` parameter; skips only when
    the site has no page of that kind at all."""
    kind = request.node.callspec.params["kind"]
    rel = representatives.get(kind)
    if rel is None:
        pytest.skip(f"page kind absent: the output has no {KIND_DESCRIPTIONS[kind]}")
    return kind, rel, local_url_for_kind(server, kind, rel)


@pytest.fixture(scope="session")
def axe_source(pytestconfig) -> str:
    path = pytestconfig.getoption("--axe-js")
    if not os.path.isfile(path):
        pytest.fail(f"axe-core not found at {path}: run scripts/install-test-tools")
    with open(path, encoding="utf-8") as fh:
        return fh.read()


@pytest.fixture(scope="session")
def browser(axe_source):
    from browser_support import Browser

    b = Browser(axe_source)
    yield b
    b.quit()


@pytest.fixture(scope="session")
def screenshot_dir(pytestconfig) -> str:
    d = os.path.abspath(pytestconfig.getoption("--screenshots"))
    os.makedirs(d, exist_ok=True)
    return d
