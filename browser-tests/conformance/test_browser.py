"""Browser checks on one representative page of each kind, in headless Chromium:
axe-core (light and dark), console errors, reflow at 320 px, keyboard access, screenshots."""

import os

import pytest
from selenium.webdriver.common.keys import Keys

from browser_support import (
    AXE_TAGS,
    JS_ACTIVE,
    JS_DESCRIBE,
    JS_UNFOCUSED_STYLES,
    indicator_changes,
    indicator_contrast,
)
from conformance_support import require, KIND_IDS, png_size

kinds = pytest.mark.parametrize("kind", KIND_IDS)


def _name(kind, rel):
    return f"{kind} page /{rel}" if kind != "404" else "404 page (served at a missing URL)"


# ---------------------------------------------------------------------------
# axe-core


@kinds
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_violations(scheme, kind, representative, browser):
    kind, rel, url = representative
    browser.open(url, scheme=scheme)
    result = browser.axe()
    assert "error" not in result, f"axe-core failed to run on {url}: {result.get('error')}"
    violations = result["violations"]
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({len(v['nodes'])} element(s)) {v['helpUrl']}")
        for n in v["nodes"][:6]:
            summary = (n["summary"] or "").replace("\n", " ")
            lines.append(f"      {n['target']}: {summary[:300]}")
            lines.append(f"        {n['html'][:160]}")
        if len(v["nodes"]) > 6:
            lines.append(f"      ... and {len(v['nodes']) - 6} more element(s)")
    require(not violations, (
        f"axe-core {result.get('version')} ({', '.join(AXE_TAGS)}), {scheme} scheme, "
        f"{_name(kind, rel)}: {len(violations)} violation(s)\n" + "\n".join(lines)
    ))


# ---------------------------------------------------------------------------
# console errors and failed requests


@kinds
def test_no_console_errors(kind, representative, browser, server):
    """No JavaScript error and no failed request (404s, e.g. a search index at the wrong path)."""
    kind, rel, url = representative
    browser.open(url)
    browser.settle()
    errors = browser.console_errors()
    own_path = url.replace(server.origin, "")
    problems = []
    for e in errors:
        msg = e.get("message", "")
        if kind == "404" and own_path in msg and "404" in msg:
            continue  # the 404 page's own status
        if "ERR_NAME_NOT_RESOLVED" in msg or "net::ERR_" in msg and server.origin not in msg:
            msg += "  (an external resource: the site should not depend on other hosts)"
        problems.append(f"  {e.get('source', '')}: {msg}")
    require(not problems, f"{_name(kind, rel)}: {len(problems)} console error(s):\n" + "\n".join(problems))


# ---------------------------------------------------------------------------
# reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS px


@kinds
def test_reflow_at_320px(kind, representative, browser):
    kind, rel, url = representative
    browser.open(url, width=320, height=800)
    o = browser.overflow()
    assert o["innerWidth"] == 320, f"the viewport is {o['innerWidth']} px, not 320 (emulation failed)"
    require(o["scrollWidth"] <= 320, (
        f"{_name(kind, rel)} scrolls horizontally at 320 CSS px: document scrollWidth {o['scrollWidth']} > 320.\n"
        "Outermost elements sticking out on the right:\n" + "\n".join(f"  {x}" for x in o["offenders"])
    ))


# ---------------------------------------------------------------------------
# keyboard


@kinds
def test_first_tab_focuses_working_skip_link(kind, representative, browser):
    """The first Tab focuses a visible skip link to an existing target in the main content,
    and activating it moves the keyboard focus (or the next Tab) into that target."""
    kind, rel, url = representative
    browser.open(url)
    d = browser.driver
    browser.press_tab()
    first = d.execute_script(
        """
        const el = document.activeElement;
        if (!el || el === document.body) return {none: true};
        const href = el.getAttribute('href') || '';
        const r = el.getBoundingClientRect();
        let target = null;
        if (href.startsWith('#') && href.length > 1) {
          try { target = document.getElementById(decodeURIComponent(href.slice(1))); } catch (e) {}
        }
        return {none: false, tag: el.tagName.toLowerCase(), href: href, text: el.textContent.trim(),
                html: el.outerHTML.slice(0, 200),
                visible: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 &&
                         r.top < innerHeight && r.left < innerWidth,
                target: target ? {tag: target.tagName.toLowerCase(), id: target.id,
                                  inMain: !!(target.closest('main, [role=main]') || target.querySelector('main, [role=main]'))}
                               : null};
        """
    )
    where = _name(kind, rel)
    require(not first["none"], f"{where}: the first Tab press focused nothing")
    require(first["tag"] == "a" and first["href"].startswith("#"), (
        f"{where}: the first Tab press focused {first['html']!r}, not a skip link (a[href^='#'])"))
    require(first["target"] is not None, f"{where}: skip link {first['href']!r} points at no element with that id")
    require(first["target"]["inMain"], (
        f"{where}: skip link target #{first['target']['id']} ({first['target']['tag']}) is not the main content "
        "(neither inside nor containing <main>)"))
    require(first["visible"], f"{where}: the skip link is not visible on screen when focused")

    browser.press(Keys.ENTER)
    after = d.execute_script(
        """
        const t = document.getElementById(arguments[0]);
        const a = document.activeElement;
        return {hash: location.hash, focusInTarget: !!(a && a !== document.body && t.contains(a)),
                targetTop: t.getBoundingClientRect().top, scrollY: scrollY,
                canScroll: document.documentElement.scrollHeight > innerHeight};
        """,
        first["target"]["id"],
    )
    if not after["focusInTarget"]:
        # Chromium moves the sequential focus starting point to the target: the next Tab
        # must then land inside it.
        browser.press_tab()
        after["focusInTarget"] = d.execute_script(
            "const t = document.getElementById(arguments[0]); const a = document.activeElement;"
            "return !!(a && a !== document.body && t.contains(a)) ||"
            " !!(a && (t.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING));",
            first["target"]["id"],
        )
    require(after["focusInTarget"], (
        f"{where}: activating the skip link {first['href']!r} did not move keyboard focus to #{first['target']['id']}"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tabbing_through_home_page(scheme, representatives, server, browser):
    """Tab walks through the home page's focusable elements without getting stuck, and each
    focused element shows a visible focus indicator (outline, box-shadow, border or
    background differing from its unfocused state); an outline/box-shadow indicator has
    3:1 contrast against what surrounds it (WCAG 1.4.11), in light and dark schemes."""
    assert "" in representatives.values(), "no home page"
    browser.open(server.url_for(""), scheme=scheme)
    d = browser.driver
    d.execute_script(JS_DESCRIBE)
    tabbable = d.execute_script("return window.__kbTabbable()")
    assert tabbable >= 2, f"the home page has only {tabbable} focusable element(s)"
    want = min(tabbable, 40)
    seq = []
    for _ in range(want + 2):
        browser.press_tab()
        info = d.execute_script(JS_ACTIVE)
        seq.append(info)
        if info["none"] and len(seq) > 1:
            break  # left the document after the last element
    visited, problems = [], []
    for i, info in enumerate(seq):
        if info["none"]:
            if len(visited) < want:
                problems.append(f"press {i + 1}: focus left the page after only {len(visited)} of ~{tabbable} elements")
            break
        if visited and info["index"] == visited[-1]["index"]:
            problems.append(f"press {i + 1}: focus stuck on {info['desc']}")
            break
        if any(v["index"] == info["index"] for v in visited):
            if len(visited) < want:
                problems.append(f"press {i + 1}: focus went back to {info['desc']} after {len(visited)} elements (a focus trap?)")
            break
        visited.append(info)
        if len(visited) >= want:
            break
    if len(visited) < want and not problems:
        problems.append(f"Tab reached only {len(visited)} distinct elements, expected {want}")

    unfocused = d.execute_script(JS_UNFOCUSED_STYLES)
    no_indicator, off_screen, low_contrast = [], [], []
    for info in visited:
        changes = indicator_changes(info["style"], unfocused[info["index"]])
        if not changes:
            no_indicator.append(f"  {info['desc']}: focused {info['style']['outline']} / box-shadow "
                                f"{info['style']['boxShadow']} (same as unfocused)")
        elif all(c in ("border", "background") for c in changes):
            pass  # a border/background change: its contrast is left to people looking at the screenshots
        else:
            ratio = indicator_contrast(info["style"], info["backdrop"])
            if ratio is not None and ratio < 3:
                low_contrast.append(f"  {info['desc']}: focus indicator {', '.join(changes)} has contrast "
                                    f"{ratio:.2f}:1 against {info['backdrop']} (needs 3:1)")
        r, vp = info["rect"], info["viewport"]
        if r["width"] < 1 or r["height"] < 1 or r["bottom"] <= 0 or r["top"] >= vp["height"] \
                or r["right"] <= 0 or r["left"] >= vp["width"]:
            off_screen.append(f"  {info['desc']}: not on screen when focused ({r})")
    msg = []
    if problems:
        msg.append("keyboard navigation problem(s):\n" + "\n".join(f"  {p}" for p in problems))
    if no_indicator:
        msg.append(f"{len(no_indicator)} element(s) without a visible focus indicator:\n" + "\n".join(no_indicator))
    if low_contrast:
        msg.append(f"{len(low_contrast)} focus indicator(s) with too little contrast ({scheme} scheme):\n" + "\n".join(low_contrast))
    if off_screen:
        msg.append(f"{len(off_screen)} focused element(s) not visible:\n" + "\n".join(off_screen))
    order = "\n".join(f"  {i + 1}. {v['desc']}: {', '.join(indicator_changes(v['style'], unfocused[v['index']])) or 'NO INDICATOR'}"
                      for i, v in enumerate(visited))
    print(f"{scheme} scheme, {tabbable} tabbable element(s); focus order seen:\n{order}")
    require(not msg, "\n".join(msg) + f"\nfocus order seen:\n{order}")


# ---------------------------------------------------------------------------
# screenshots (for people to look at; the test checks they were taken)


@kinds
@pytest.mark.parametrize("width,scheme", [(375, "light"), (1280, "light"), (1280, "dark")],
                         ids=["375", "1280", "1280-dark"])
def test_screenshot(width, scheme, kind, representative, browser, screenshot_dir):
    kind, rel, url = representative
    browser.open(url, scheme=scheme, width=width, height=900)
    suffix = "" if scheme == "light" else f"-{scheme}"
    path = os.path.join(screenshot_dir, f"{kind}-{width}{suffix}.png")
    data = browser.screenshot(path, width)
    w, h = png_size(data)
    require(w == width, f"screenshot of {_name(kind, rel)} is {w} px wide, not {width}")
    require(h >= 100, f"screenshot of {_name(kind, rel)} is only {h} px high")
    print(f"{path} ({w}x{h})")
