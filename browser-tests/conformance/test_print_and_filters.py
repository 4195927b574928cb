"""Print and keyboard checks that live in the browser: a chapter, a principle document and
the printable guide print without navigation, with link targets after link text and
headings kept with what follows; the vacancy filters work by keyboard alone."""

import base64
import os

import pytest
from selenium.webdriver.common.keys import Keys

PRINT_KINDS = ["guide-chapter", "principle", "guide-print"]

JS_PRINT_STATE = """
const hidden = sel => [...document.querySelectorAll(sel)].every(e => getComputedStyle(e).display === 'none');
const link = document.querySelector('.prose a[href^="/"]:not(.glossary-term), .prose a[href^="http"]:not(.glossary-term)');
const h2 = document.querySelector('.prose h2, main h2');
return {
  chrome: ['.site-header', '.site-footer', '.breadcrumbs', '.skip-link', '.guide-nav', '.pager']
    .filter(sel => document.querySelector(sel) && !hidden(sel)),
  linkAfter: link ? getComputedStyle(link, '::after').content : null,
  linkHref: link ? link.getAttribute('href') : null,
  headingBreak: h2 ? getComputedStyle(h2).breakAfter : null,
};
"""


@pytest.mark.parametrize("kind", PRINT_KINDS)
def test_prints_cleanly(kind, representative, browser, screenshot_dir):
    _, rel, url = representative
    browser.open(url)
    browser.cdp("Emulation.setEmulatedMedia", {"media": "print", "features": []})
    browser.scheme = None  # the next open() sets the screen media again
    try:
        state = browser.driver.execute_script(JS_PRINT_STATE)
        assert not state["chrome"], f"/{rel}: still shown in print: {state['chrome']}"
        assert state["linkHref"], f"/{rel}: no link in the text to check"
        assert state["linkHref"] in (state["linkAfter"] or ""), f"/{rel}: link target not printed after link text: {state['linkAfter']!r}"
        assert state["headingBreak"] in ("avoid", "avoid-page"), f"/{rel}: headings may be split from their text"
        pdf = browser.cdp("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True})
        data = base64.b64decode(pdf["data"])
        assert data.startswith(b"%PDF")
        with open(os.path.join(screenshot_dir, f"print-{kind}.pdf"), "wb") as fh:
            fh.write(data)
    finally:
        browser.cdp("Emulation.setEmulatedMedia", {"media": "", "features": []})


@pytest.mark.parametrize("kind", ["vacancies-list"])
def test_vacancy_filters_work_by_keyboard(kind, representative, browser):
    _, rel, url = representative
    browser.open(url)
    driver = browser.driver
    target = None
    for _ in range(80):
        browser.press_tab()
        target = driver.execute_script(
            "const a = document.activeElement; return a && a.closest('.filters') && a.tagName === 'A' && "
            "!a.hasAttribute('aria-current') ? a.getAttribute('href') : null;")
        if target:
            break
    assert target, "no vacancy filter link reached with Tab"
    browser.press(Keys.ENTER)
    browser.settle()
    assert driver.current_url.split("#")[0].endswith(target), f"Enter on {target} went to {driver.current_url}"
    current = driver.execute_script("const a = document.querySelector('.filters a[aria-current=\"page\"]'); return a && a.getAttribute('href');")
    assert current == target, "the chosen filter is not marked aria-current on its page"
    items = driver.execute_script("return document.querySelectorAll('main .cards > li').length")
    assert items >= 1, "the filtered list is empty"
