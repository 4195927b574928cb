"""`unionsite serve` in a real browser: an edit shows up by itself, a broken link shows an
overlay over the last good page, and fixing it brings the page back."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By


def wait_for(condition, timeout=2.0, interval=0.05):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = condition()
            if last:
                return last
        except Exception as error:  # the page may be mid-reload
            last = error
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout} s (last: {last!r})")


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def heading(browser):
    return browser.find_element(By.TAG_NAME, "h1").text


def test_edit_appears_in_open_page_and_keeps_scroll(server, browser, site):
    page = site / "content/pages/about.md"
    browser.get(server.url + "about/")
    assert heading(browser) == "About this site"
    browser.execute_script("window.scrollTo(0, 400)")
    time.sleep(0.3)  # let the live-reload socket connect
    edit(page, "title: \"About this site\"", "title: \"About this guidance site\"")
    wait_for(lambda: heading(browser) == "About this guidance site", timeout=2.0)
    scroll = wait_for(lambda: browser.execute_script("return window.scrollY"), timeout=1.0)
    assert abs(scroll - 400) < 5, f"scroll position lost after reload: {scroll}"


def test_broken_link_shows_overlay_and_fix_clears_it(server, browser, site):
    page = site / "content/pages/about.md"
    browser.get(server.url + "about/")
    time.sleep(0.3)
    edit(page, "](accessibility.md)", "](accessibility.md#no-such-heading)")
    overlay = wait_for(lambda: browser.find_element(By.ID, "unionsite-overlay"), timeout=2.0)
    assert "content/pages/about.md:" in overlay.text
    assert "no-such-heading" in overlay.text
    # The last good page is still there under the overlay.
    assert heading(browser) == "About this guidance site"
    edit(page, "](accessibility.md#no-such-heading)", "](accessibility.md)")
    wait_for(lambda: not browser.find_elements(By.ID, "unionsite-overlay"), timeout=2.0)
    assert heading(browser) == "About this guidance site"


def test_ctrl_c_stops_cleanly(server):
    assert server.stop() == 0
    assert server.lines[-1] == "Stopped."
