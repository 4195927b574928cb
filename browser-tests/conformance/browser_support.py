"""One headless Chromium (through chromedriver) shared by the browser checks."""

from __future__ import annotations

import base64
import os
import re
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

CHROMIUM = os.environ.get("CONFORMANCE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CONFORMANCE_CHROMEDRIVER", "/usr/bin/chromedriver")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


class Browser:
    def __init__(self, axe_source: str):
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in (
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-GB",
            "--disable-extensions", "--no-first-run", "--disable-background-networking",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        ):
            opts.add_argument(arg)
        opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
        self.driver.set_script_timeout(60)
        self.driver.set_page_load_timeout(30)
        self.axe_source = axe_source
        self.scheme = None
        self.size = None

    def quit(self):
        self.driver.quit()

    def cdp(self, cmd: str, params: dict | None = None):
        return self.driver.execute_cdp_cmd(cmd, params or {})

    # -- emulation ------------------------------------------------------------
    def emulate(self, scheme: str = "light", width: int = 1280, height: int = 900):
        if scheme != self.scheme:
            self.cdp("Emulation.setEmulatedMedia", {"media": "", "features": [
                {"name": "prefers-color-scheme", "value": scheme},
                {"name": "prefers-reduced-motion", "value": "reduce"},
            ]})
            self.scheme = scheme
        if (width, height) != self.size:
            self.cdp("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False,
            })
            self.size = (width, height)

    def open(self, url: str, scheme: str = "light", width: int = 1280, height: int = 900):
        """Loads url with the given colour scheme and viewport, and waits for fonts."""
        self.emulate(scheme, width, height)
        self.driver.get_log("browser")  # drop messages from earlier pages
        self.driver.get(url)
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(true));"
        )

    def settle(self, quiet_ms: int = 300, max_ms: int = 3000):
        """Waits until no new resource has loaded for quiet_ms (for scripts that fetch)."""
        deadline = time.monotonic() + max_ms / 1000
        last = -1
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            n = self.driver.execute_script("return performance.getEntriesByType('resource').length")
            if n != last:
                last, quiet_since = n, time.monotonic()
            elif (time.monotonic() - quiet_since) * 1000 >= quiet_ms:
                return
            time.sleep(0.05)

    def console_errors(self) -> list[dict]:
        return [e for e in self.driver.get_log("browser") if e.get("level") == "SEVERE"]

    # -- checks ---------------------------------------------------------------
    def axe(self) -> dict:
        self.driver.execute_script(self.axe_source)
        return self.driver.execute_async_script(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
              .then(r => done({violations: r.violations.map(v => ({
                  id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                  nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 200),
                                            summary: n.failureSummary}))})),
                  version: axe.version}))
              .catch(e => done({error: String(e && e.stack || e)}));
            """,
            AXE_TAGS,
        )

    def overflow(self) -> dict:
        return self.driver.execute_script(
            """
            const vw = document.documentElement.clientWidth;
            const out = [];
            for (const el of document.body.querySelectorAll('*')) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (r.right <= vw + 0.5) continue;   // (sticking out to the left does not scroll)
              const p = el.parentElement && el.parentElement.getBoundingClientRect();
              if (p && p.right > vw + 0.5) continue;   // report the outermost only
              let d = el.tagName.toLowerCase();
              if (el.id) d += '#' + el.id;
              if (el.classList.length) d += '.' + [...el.classList].join('.');
              out.push(`${d} (left ${Math.round(r.left)}, right ${Math.round(r.right)}, width ${Math.round(r.width)})`);
              if (out.length >= 10) break;
            }
            return {scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, innerWidth: innerWidth,
                    offenders: out};
            """
        )

    def press_tab(self, shift: bool = False):
        chain = ActionChains(self.driver)
        if shift:
            chain.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT)
        else:
            chain.send_keys(Keys.TAB)
        chain.perform()

    def press(self, key):
        ActionChains(self.driver).send_keys(key).perform()

    def screenshot(self, path: str, width: int, max_height: int = 12000) -> bytes:
        """Full-page PNG at the given CSS width (the viewport is grown to the page height)."""
        height = self.driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
        height = max(1, min(int(height), max_height))
        self.emulate(self.scheme or "light", width, height)
        shot = self.cdp("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False, "fromSurface": True})
        data = base64.b64decode(shot["data"])
        with open(path, "wb") as fh:
            fh.write(data)
        return data


# JavaScript for the keyboard checks -------------------------------------------

JS_DESCRIBE = """
window.__kbDescribe = function (el) {
  if (!el) return 'null';
  let d = el.tagName.toLowerCase();
  if (el.id) d += '#' + el.id;
  if (el.classList && el.classList.length) d += '.' + [...el.classList].join('.');
  const t = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\\s+/g, ' ');
  if (t) d += ' "' + t.slice(0, 40) + '"';
  const h = el.getAttribute('href'); if (h) d += ' href=' + h;
  return d;
};
window.__kbStyle = function (el) {
  const c = getComputedStyle(el);
  return {outline: [c.outlineStyle, c.outlineWidth, c.outlineColor, c.outlineOffset].join(' '),
          outlineStyle: c.outlineStyle, outlineWidth: parseFloat(c.outlineWidth) || 0, outlineColor: c.outlineColor,
          boxShadow: c.boxShadow,
          border: [c.borderTopStyle, c.borderTopWidth, c.borderTopColor, c.borderBottomStyle, c.borderBottomWidth,
                   c.borderBottomColor, c.borderLeftColor, c.borderRightColor].join(' '),
          background: c.backgroundColor + ' ' + c.backgroundImage,
          textDecoration: c.textDecorationLine + ' ' + c.textDecorationColor + ' ' + c.textDecorationThickness,
          color: c.color};
};
window.__kbTabbable = function () {
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, ' +
              '[tabindex], [contenteditable=""], [contenteditable=true], audio[controls], video[controls]';
  let n = 0;
  for (const el of document.querySelectorAll(sel)) {
    if (el.disabled) continue;
    if (el.hasAttribute('tabindex') && el.tabIndex < 0) continue;
    if (el.closest('[inert]')) continue;
    const det = el.closest('details:not([open])');
    if (det && !(el.tagName === 'SUMMARY' && el.parentElement === det)) continue;
    if (el.checkVisibility && !el.checkVisibility({checkVisibilityCSS: true})) {
      // skip links are usually clipped off-screen, not hidden: checkVisibility keeps them
      continue;
    }
    if (el.tagName === 'INPUT' && el.type === 'radio' && el.name) {
      const first = document.querySelector(`input[type=radio][name="${CSS.escape(el.name)}"]`);
      if (first !== el) continue;
    }
    n++;
  }
  return n;
};
window.__kbBackdrop = function (el) {
  // the colour an outline or box-shadow drawn around el is seen against
  for (let n = el.parentElement; n; n = n.parentElement) {
    const bg = getComputedStyle(n).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(bg)) return bg;
  }
  return getComputedStyle(document.documentElement).backgroundColor === 'rgba(0, 0, 0, 0)'
    ? (matchMedia('(prefers-color-scheme: dark)').matches &&
       getComputedStyle(document.documentElement).colorScheme.includes('dark') ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)')
    : getComputedStyle(document.documentElement).backgroundColor;
};
window.__kbSeen = [];
"""

JS_ACTIVE = """
const el = document.activeElement;
if (!el || el === document.body || el === document.documentElement) return {none: true};
let i = window.__kbSeen.indexOf(el);
if (i < 0) { window.__kbSeen.push(el); i = window.__kbSeen.length - 1; }
const r = el.getBoundingClientRect();
return {none: false, index: i, desc: window.__kbDescribe(el), style: window.__kbStyle(el),
        backdrop: window.__kbBackdrop(el),
        rect: {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height},
        viewport: {width: innerWidth, height: innerHeight}};
"""

JS_UNFOCUSED_STYLES = """
if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
return window.__kbSeen.map(el => window.__kbStyle(el));
"""


def indicator_changes(focused: dict, unfocused: dict) -> list[str]:
    """Which visible properties differ between an element's focused and unfocused state."""
    changes = []
    if focused["outline"] != unfocused["outline"] and focused["outlineStyle"] != "none" \
            and focused["outlineWidth"] > 0 and not _transparent(focused["outlineColor"]):
        changes.append(f"outline {focused['outline']}")
    if focused["boxShadow"] != unfocused["boxShadow"] and focused["boxShadow"] != "none":
        changes.append(f"box-shadow {focused['boxShadow']}")
    if focused["border"] != unfocused["border"]:
        changes.append("border")
    if focused["background"] != unfocused["background"]:
        changes.append("background")
    return changes


_RGB = re.compile(r"rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)")


def parse_rgb(color: str):
    """(r, g, b, alpha) from a computed rgb()/rgba() colour, or None for other notations."""
    m = _RGB.fullmatch(color.strip())
    if not m:
        return None
    a = m.group(4)
    alpha = 1.0 if a is None else (float(a[:-1]) / 100 if a.endswith("%") else float(a))
    return float(m.group(1)), float(m.group(2)), float(m.group(3)), alpha


def contrast(c1, c2) -> float:
    def lum(c):
        def ch(v):
            v /= 255
            return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
    a, b = sorted((lum(c1), lum(c2)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def indicator_contrast(focused: dict, backdrop: str):
    """Best contrast (WCAG 1.4.11) of the focus outline / box-shadow colours against the
    backdrop, or None when no colour could be read."""
    colours = []
    if focused["outlineStyle"] != "none" and focused["outlineWidth"] > 0:
        colours.append(focused["outlineColor"])
    if focused["boxShadow"] != "none":
        colours += re.findall(r"rgba?\([^)]*\)", focused["boxShadow"])
    bg = parse_rgb(backdrop)
    if bg is None:
        return None
    best = None
    for c in colours:
        p = parse_rgb(c)
        if p is None or p[3] < 0.5:
            continue
        r = contrast(p, bg)
        best = r if best is None else max(best, r)
    return best


def _transparent(color: str) -> bool:
    c = color.replace(" ", "")
    return c == "transparent" or c.startswith("rgba(") and c.endswith(",0)")
