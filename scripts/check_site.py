"""Check the built documentation site in a browser, as its readers will see it.

Usage: ``python scripts/check_site.py SITE [--base-path /taliban_recognition/] [--out DIR]``,
where SITE is what ``mkdocs build`` wrote, built with
``TR_SITE_URL=http://127.0.0.1/taliban_recognition/`` (the site is published under a sub-path,
and its sitemap and 404 page are built from that address). ``--self-test`` checks the check
instead: see below, and ``--page PATH`` (repeatable) checks only those pages, without the
404 page, the searches and the sitemap's agreement with the files.

The site is served on 127.0.0.1 (an ephemeral port) under the sub-path, as a static host
serves it: a folder is its ``index.html``, and any other path is answered with the site's
``404.html`` and status 404. Debian's Chromium (``/usr/bin/chromium``), driven by Playwright,
visits every page of the sitemap (and every page the build wrote; the two must agree and
must not be empty) once at each of two widths: 390 pixels, as a phone (a mobile, touch
context at 3 device pixels per pixel), and 1400. Each visit fails the check, with one line
naming the page, the width and what is wrong, when

- the page scrolls sideways as a whole (``document.scrollingElement.scrollWidth`` more than a
  pixel past ``clientWidth``); the line names the outermost elements that stick out of the
  window and are in no box that scrolls or clips them. A table or code block that scrolls in
  its own box is fine;
- a chart's text is drawn under 11 CSS pixels: every visible SVG ``<text>``/``<tspan>`` with
  text of its own is measured as its computed font size times the scale of its screen CTM,
  ``sqrt(|a*d - b*c|)``, which is what the reader sees, so a chart shrunk to fit a phone fails;
- the page logs a console error or throws an uncaught error, a request fails or answers an
  error status, or a request goes to any host but the server's: there is no network, so each
  such request is aborted (``page.route``) and is a failure in itself;
- a copy button of a code block with prompts (Pygments' ``.gp``) copies a prompt (a line
  starting with ``>>> ``, ``... `` or ``$ ``) or a line of the block's output (``.go``). The
  check presses Material's own copy button (``[data-clipboard-target]``: ``.md-clipboard`` or,
  from Material 9.7, ``.md-code__button``; focused, then Enter, a real press that no overlay
  or zoomed phone page can misdirect) with the clipboard permissions granted and reads
  ``navigator.clipboard.readText()``, after writing a marker there first, so a button that
  copies nothing fails too. Headless Chromium reads the clipboard here, so that is what the
  check does; should it ever refuse, the check says so (in report.txt) and falls back to
  Material's own copy logic: mark the code ``data-md-copying``, read its ``innerText``;
- the page itself does not answer 200.

Then, once for the site:

- every link into the site (relative or same-origin ``a[href]`` of every page, at both widths)
  must lead to a page that answers 200 and, with a ``#fragment``, has an element with that
  ``id`` or ``name`` (as the page is in the browser; a target the check did not visit is read
  as served). Links to other hosts are listed in the report, not fetched;
- the 404 page, loaded at a deep path that does not exist (``no/such/page/`` under the
  sub-path), must answer 404, load every stylesheet and script it names (no failed request)
  and be styled by Material (its header is not laid out as plain HTML);
- Material's search, typed into on the home page at each width, must find results for
  ``Pakistan`` and ``Russia``.

Every page is saved as a full-page screenshot at each width, ``<page-slug>-<width>.png`` (the
home page is ``index``, the 404 page ``404``), in ``--out`` (``site-check/`` by default), with
``report.txt``: the pages checked, how many links and anchors were checked, the links to other
hosts and the problems. The exit status is 0 when nothing is wrong, 1 when something is, and 2
when the check could not run (no Chromium at ``/usr/bin/chromium``, no Playwright, no site);
what it could not do is said on standard error. It never passes silently.

``--self-test`` copies the site twice to a temporary folder and breaks each copy: (a) the
first chart (an ``<svg>`` with ``<text>``) of the first page that has one is forced 120 pixels
wide, so its text is drawn tiny; (b) the home page gets a table forced 2400 pixels wide, outside
any box that scrolls. It checks the broken page of each copy at both widths, prints what each
copy reported, and fails unless (a) is reported for its chart's text under 11 pixels and (b)
for a page that scrolls sideways because of that table, at both widths.

Waits are Playwright's (load states, selectors, page functions), never fixed sleeps, with
generous time-outs (``--timeout``): a slow machine makes the check slower, not its verdict
different.
"""

from __future__ import annotations

import argparse
import html.parser
import http.client
import mimetypes
import re
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

try:
    from playwright.sync_api import (  # type: ignore[import-not-found, unused-ignore]
        Error as PlaywrightError,
    )
    from playwright.sync_api import (  # type: ignore[import-not-found, unused-ignore]
        sync_playwright,
    )
except ImportError:  # said by main(), which then exits 2
    HAVE_PLAYWRIGHT = False
else:
    HAVE_PLAYWRIGHT = True

if TYPE_CHECKING:
    from collections.abc import Iterable

    from playwright.sync_api import (  # type: ignore[import-not-found, unused-ignore]
        Browser,
        BrowserContext,
        ConsoleMessage,
        Page,
        Request,
        Response,
        Route,
        ViewportSize,
    )

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium: the check downloads no browser of its own."""

WIDTHS = (390, 1400)
"""A phone's width and a desktop's, in CSS pixels."""

PHONE = 390
"""The width checked as a phone: a mobile, touch context at 3 device pixels per pixel."""

HEIGHTS = {390: 844, 1400: 900}
"""The window's height at each width."""

SMALLEST_TEXT = 11.0
"""The smallest size, in CSS pixels, a chart's text may be drawn at."""

SEARCHES = ("Pakistan", "Russia")
"""States' names that Material's search must find."""

MISSING_PAGE = "no/such/page/"
"""A deep path under the sub-path that no build has: the 404 page is loaded there."""

PROMPTS = (">>> ", "... ", "$ ")
"""Line starts that only prompts have: copied code must have none of them."""

SHORT = 60
"""How many characters of an element's text a problem quotes."""


class CannotCheckError(Exception):
    """The check cannot run here: a browser, Playwright or the site is missing."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the site, on a page, at a width (None: at no one width)."""

    page: str
    width: int | None
    kind: str
    what: str

    def line(self) -> str:
        """The problem on one line: page, width, what is wrong."""
        where = self.page if self.width is None else f"{self.page} at {self.width}px"
        return f"{where}: {self.what}"


@dataclass
class Result:
    """What a run of the check found."""

    pages: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    links: int = 0
    targets: int = 0
    anchors: int = 0
    external: set[str] = field(default_factory=set)
    copy_blocks: int = 0
    copy_mode: str = "not needed: no code block with prompts"
    searches: list[str] = field(default_factory=list)
    screenshots: int = 0
    seconds: float = 0.0

    def add(self, page: str, width: int | None, kind: str, what: str) -> None:
        """Record a problem, once."""
        problem = Problem(page, width, kind, what)
        if problem not in self.problems:
            self.problems.append(problem)


def _lines(count: int) -> str:
    return f"{count} line" if count == 1 else f"{count} lines"


def shorten(text: str, limit: int = SHORT) -> str:
    """`text` on one line, cut to `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- the server ---------------------------------------------------------------------------


def locate(site: Path, base: str, path: str) -> Path | str | None:
    """What a static host serves for `path`: a file, a redirect's address, or None (404)."""
    if path + "/" == base:
        return base
    if not path.startswith(base):
        return None
    parts = [part for part in path[len(base) :].split("/") if part]
    if any(part in {".", ".."} or "\\" in part for part in parts):
        return None
    target = site.joinpath(*parts)
    if target.is_dir():
        if not path.endswith("/"):
            return urllib.parse.quote(path) + "/"
        target /= "index.html"
    return target if target.is_file() else None


def _kind(name: str) -> str:
    """The Content-Type of a file called `name`."""
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    if kind.startswith("text/") or kind in {"application/javascript", "image/svg+xml"}:
        kind += "; charset=utf-8"
    return kind


def _handler(site: Path, base: str) -> type[BaseHTTPRequestHandler]:
    """A request handler serving `site` under `base` as a static host does."""
    missing = site / "404.html"

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._serve(body=True)

        def do_HEAD(self) -> None:
            self._serve(body=False)

        def log_message(self, *_args: object) -> None:
            """Say nothing: the browser's side is what the check reports."""

        def _send(self, status: int, data: bytes, kind: str, *, body: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            if body:
                self.wfile.write(data)

        def _redirect(self, to: str) -> None:
            self.send_response(301)
            self.send_header("Location", to)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def _serve(self, *, body: bool) -> None:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            target = locate(site, base, path)
            if isinstance(target, str):
                self._redirect(target)
            elif target is not None:
                self._send(200, target.read_bytes(), _kind(target.name), body=body)
            else:
                page = missing.read_bytes() if missing.is_file() else b"not found"
                self._send(404, page, "text/html; charset=utf-8", body=body)

    return Handler


class Server:
    """The site, served on 127.0.0.1 at an ephemeral port, in a thread."""

    def __init__(self, site: Path, base: str) -> None:
        """Start serving `site` under `base`."""
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site, base))
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self.origin = f"http://127.0.0.1:{self.port}"
        self.base = base
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def url(self, path: str) -> str:
        """The address of a path on the server."""
        return self.origin + path

    def status(self, path: str) -> tuple[int, bytes]:
        """The status and body the server answers `path` with, after one redirect at most."""
        for _ in range(3):
            connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                data = response.read()
                location = response.getheader("Location")
            finally:
                connection.close()
            if response.status in {301, 302, 307, 308} and location:
                path = urllib.parse.urljoin(path, location)
                continue
            return response.status, data
        return 310, b""

    def close(self) -> None:
        """Stop serving."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


# --- the pages ------------------------------------------------------------------------------


def _listed(site: Path, base: str, result: Result) -> list[str]:
    """The paths of the pages the sitemap lists."""
    listed: list[str] = []
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        result.add("sitemap.xml", None, "sitemap", "sitemap.xml is missing")
        return listed
    try:
        root = ET.parse(sitemap).getroot()  # noqa: S314 -- the build's own file
    except ET.ParseError as error:
        result.add("sitemap.xml", None, "sitemap", f"sitemap.xml does not parse: {error}")
        return listed
    for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        address = (loc.text or "").strip()
        path = urllib.parse.urlsplit(address).path or "/"
        if not path.startswith(base):
            result.add(
                "sitemap.xml",
                None,
                "sitemap",
                f"sitemap.xml lists {address}, which is not under {base}: build the"
                " site with TR_SITE_URL=http://127.0.0.1" + base,
            )
        elif path not in listed:
            listed.append(path)
    if not listed:
        result.add("sitemap.xml", None, "sitemap", "sitemap.xml lists no page")
    return listed


def site_pages(site: Path, base: str, result: Result) -> list[str]:
    """The paths of the site's pages: the sitemap's, checked against the files the build wrote."""
    listed = _listed(site, base, result)
    built: list[str] = []
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative == "404.html":
            continue
        if file.name == "index.html":
            relative = relative[: -len("index.html")]
        built.append(base + relative)
    if not built:
        result.add("(site)", None, "sitemap", f"the build wrote no HTML page into {site}")
    if listed:
        for path in built:
            if path not in listed:
                result.add(label(path, base), None, "sitemap", "built but not in sitemap.xml")
        for path in listed:
            if path not in built:
                result.add(label(path, base), None, "sitemap", "in sitemap.xml but not built")
    return listed + [path for path in built if path not in listed]


def label(path: str, base: str) -> str:
    """How a problem names a page: its path under the sub-path, from ``/``."""
    return "/" + path[len(base) :] if path.startswith(base) else f"{path} (not under {base})"


def slug(path: str, base: str) -> str:
    """A page's screenshot name: its path under the sub-path, slashes as dashes (home: index)."""
    relative = path.removeprefix(base).strip("/").removesuffix(".html").removesuffix("/index")
    if relative == "index":
        relative = ""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", relative) or "index"


class _Ids(html.parser.HTMLParser):
    """The ids and names of a page's elements, as served (for a page the browser did not see)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del tag
        self.ids.update(value for name, value in attrs if name in {"id", "name"} and value)


# --- what the browser is asked ----------------------------------------------------------

_DESCRIBE = """
const describe = (el) => {
  const part = (e) => {
    const tag = e.tagName.toLowerCase();
    if (e.id) return tag + '#' + e.id;
    const classes = [...e.classList].slice(0, 2);
    return classes.length ? tag + '.' + classes.join('.') : tag;
  };
  const parts = [];
  for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
    parts.unshift(part(e));
    if (e.id) break;
  }
  return parts.join(' > ');
};
"""

_OVERFLOW = (
    "() => {"
    + _DESCRIBE
    + """
  const root = document.scrollingElement;
  const window_width = root.clientWidth;
  const page_width = root.scrollWidth;
  if (page_width <= window_width + 1) return {page_width, window_width, culprits: []};
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right + window.scrollX <= window_width + 1) continue;
    if (getComputedStyle(el).position === 'fixed') continue;
    let held = false;  // in a box that scrolls or clips it, or fixed to the window
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      if (style.overflowX !== 'visible' || style.position === 'fixed') { held = true; break; }
    }
    if (!held) found.push(el);
  }
  const all = new Set(found);
  const outermost = found.filter((el) => {
    for (let a = el.parentElement; a; a = a.parentElement) if (all.has(a)) return false;
    return true;
  });
  return {
    page_width, window_width,
    culprits: outermost.map((el) => ({
      selector: describe(el),
      text: el.textContent || '',
      width: Math.round(el.getBoundingClientRect().width),
    })),
  };
}
"""
)

_CHART_TEXT = (
    "(limit) => {"
    + _DESCRIBE
    + """
  const outermost = (el) => {
    let svg = el.closest('svg');
    while (svg && svg.parentElement && svg.parentElement.closest('svg')) {
      svg = svg.parentElement.closest('svg');
    }
    return svg;
  };
  const charts = new Map();
  for (const el of document.querySelectorAll('svg text, svg tspan')) {
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (!own || el.closest('defs, symbol, clipPath, mask, pattern, marker')) continue;
    const shown = el.checkVisibility({
      opacityProperty: true, visibilityProperty: true, checkOpacity: true,
      checkVisibilityCSS: true,
    });
    const box = el.getBoundingClientRect();
    if (!shown || box.width === 0 || box.height === 0) continue;
    const matrix = el.getScreenCTM();
    if (!matrix) continue;
    const scale = Math.sqrt(Math.abs(matrix.a * matrix.d - matrix.b * matrix.c));
    const size = parseFloat(getComputedStyle(el).fontSize) * scale;
    const svg = outermost(el);
    if (!charts.has(svg)) charts.set(svg, {total: 0, small: []});
    const chart = charts.get(svg);
    chart.total += 1;
    if (size < limit) chart.small.push([size, own]);
  }
  const name = (svg) => {
    const by = svg.getAttribute('aria-labelledby');
    const labelled = by && document.getElementById(by.split(' ')[0]);
    const title = svg.querySelector('title');
    return svg.getAttribute('aria-label') || (labelled && labelled.textContent)
      || (title && title.textContent) || '';
  };
  return [...charts].filter(([, chart]) => chart.small.length).map(([svg, chart]) => {
    chart.small.sort((x, y) => x[0] - y[0]);
    const view = svg.viewBox && svg.viewBox.baseVal;
    return {
      name: name(svg), selector: describe(svg), total: chart.total,
      small: chart.small.length, smallest: chart.small[0][0], biggest: chart.small.at(-1)[0],
      examples: [...new Set(chart.small.map((s) => s[1]))].slice(0, 3),
      width: svg.getBoundingClientRect().width, view_width: view ? view.width : 0,
    };
  });
}
"""
)

_PAGE_FACTS = """
() => ({
  links: [...document.querySelectorAll('a[href]')].map((a) => {
    try { return new URL(a.getAttribute('href'), document.baseURI).href; } catch (e) { return ''; }
  }),
  ids: [...document.querySelectorAll('[id], [name]')]
    .flatMap((el) => [el.id, el.getAttribute('name')]).filter((x) => x),
  blocks: document.querySelectorAll('pre:has(.gp)').length,
})
"""

_STYLED = """
() => {
  const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')].map((link) => {
    let rules = -1;
    try { rules = link.sheet ? link.sheet.cssRules.length : -1; } catch (e) { rules = -2; }
    return [link.href, rules];
  });
  const header = document.querySelector('.md-header');
  return {
    sheets,
    scripts: [...document.querySelectorAll('script[src]')].map((s) => s.src),
    header: header ? getComputedStyle(header).position : null,
  };
}
"""

_CLIPBOARD_WORKS = """
async (marker) => {
  try {
    await navigator.clipboard.writeText(marker);
    return (await navigator.clipboard.readText()) === marker;
  } catch (error) {
    return false;
  }
}
"""

_SET_CLIPBOARD = "async (marker) => { await navigator.clipboard.writeText(marker); }"

_READ_CLIPBOARD = """
async ([marker, next, limit]) => {
  const end = Date.now() + limit;
  let text = await navigator.clipboard.readText();
  while (text === marker && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = await navigator.clipboard.readText();
  }
  await navigator.clipboard.writeText(next);
  return text;
}
"""

_BLOCKS = """
() => [...document.querySelectorAll('pre:has(.gp)')].map((block) => {
  const button = block.querySelector('[data-clipboard-target]');
  const target = button && document.querySelector(button.getAttribute('data-clipboard-target'));
  const code = target || block.querySelector('code') || block;
  const first = code.innerText;
  code.setAttribute('data-md-copying', '');  // Material's own copy logic, for the fallback
  const holder = code.closest('[data-copy]');
  const material = (holder ? holder.getAttribute('data-copy') : code.innerText).trimEnd();
  code.removeAttribute('data-md-copying');
  return {first, button: !!button, material};
})
"""

_SEARCH_ANSWERED = """
() => {
  if (document.querySelectorAll('.md-search-result__item').length) return true;
  const meta = document.querySelector('.md-search-result__meta');
  return !!meta && /no matching/i.test(meta.textContent);
}
"""


def code_of(block: str) -> str:
    """The code of a session or console block: its prompted lines without their prompts.

    Every other line is what the session printed (output, a traceback), which a copy button
    must leave out.
    """
    kept = []
    printed = False  # whether the line before was printed: a bare "..." there is doctest's
    for line in block.split("\n"):
        stripped = line.rstrip()
        if stripped == ">>>" or (stripped == "..." and not printed):
            kept.append("")
        elif line.startswith((">>> ", "... ")):
            kept.append(line[4:].rstrip())
        elif line.startswith("$ "):
            kept.append(line[2:].rstrip())
        else:
            printed = True
            continue
        printed = False
    return "\n".join(kept).rstrip()


class _Culprit(TypedDict):
    selector: str
    text: str
    width: int


class _Overflow(TypedDict):
    page_width: int
    window_width: int
    culprits: list[_Culprit]


class _Chart(TypedDict):
    name: str
    selector: str
    total: int
    small: int
    smallest: float
    biggest: float
    examples: list[str]
    width: float
    view_width: float


class _Facts(TypedDict):
    links: list[str]
    ids: list[str]
    blocks: int


class _Block(TypedDict):
    first: str
    button: bool
    material: str


class _Styled(TypedDict):
    sheets: list[tuple[str, int]]
    scripts: list[str]
    header: str | None


# --- the browser's side -----------------------------------------------------------------


@dataclass
class _Watch:
    """What one page of a context did while the check looked at it."""

    result: Result
    server: Server
    width: int
    page: str = ""
    expected_missing: str = ""
    failed: set[str] = field(default_factory=set)
    responses: dict[str, int] = field(default_factory=dict)

    def problem(self, kind: str, what: str) -> None:
        self.result.add(self.page, self.width, kind, what)

    def route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(self.server.origin + "/"):
            route.continue_()
            return
        self.failed.add(url)
        self.problem("request", f"requests another host (no network): {shorten(url, 100)}")
        route.abort("blockedbyclient")

    def console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = str(message.location.get("url", ""))
        text = message.text
        if text.startswith("Failed to load resource") and (
            where in self.failed or where == self.expected_missing
        ):
            return  # said once, as the request that failed
        self.problem("console", f"console error: {shorten(text, 160)}")

    def page_error(self, error: PlaywrightError) -> None:
        self.problem("console", f"uncaught error: {shorten(error.message, 160)}")

    def request_failed(self, request: Request) -> None:
        if request.url in self.failed:
            return
        self.failed.add(request.url)
        self.problem(
            "request",
            f"request failed ({request.failure or 'no answer'}): {shorten(request.url, 100)}",
        )

    def response(self, response: Response) -> None:
        self.responses[response.url] = response.status
        if response.status >= 400 and response.url != self.expected_missing:
            self.failed.add(response.url)
            self.problem(
                "request",
                f"{response.request.method} {shorten(response.url, 100)} answered"
                f" {response.status}",
            )


@dataclass
class _Run:
    """One run of the check over a served site."""

    server: Server
    out: Path
    timeout: float
    result: Result
    pages: list[str]
    whole: bool
    links: dict[tuple[str, str], int] = field(default_factory=dict)
    ids: dict[str, set[str]] = field(default_factory=dict)
    clipboard: bool | None = None

    @property
    def ms(self) -> float:
        return self.timeout * 1000

    def context(self, browser: Browser, width: int) -> BrowserContext:
        size: ViewportSize = {"width": width, "height": HEIGHTS[width]}
        if width == PHONE:
            context = browser.new_context(
                viewport=size, is_mobile=True, has_touch=True, device_scale_factor=3
            )
        else:
            context = browser.new_context(viewport=size)
        context.set_default_timeout(self.ms)
        context.set_default_navigation_timeout(self.ms)
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=self.server.origin)
        return context

    def check(self, browser: Browser) -> None:
        for width in WIDTHS:
            context = self.context(browser, width)
            watch = _Watch(self.result, self.server, width)
            context.route("**/*", watch.route)
            page = context.new_page()
            page.on("console", watch.console)
            page.on("pageerror", watch.page_error)
            page.on("requestfailed", watch.request_failed)
            page.on("response", watch.response)
            try:
                if self.whole:  # first, while nothing is cached: every request is seen
                    self.visit(page, watch, self.server.base + MISSING_PAGE, missing=True)
                for path in self.pages:
                    self.visit(page, watch, path)
                if self.whole:
                    for number, term in enumerate(SEARCHES):
                        if not self.search(page, watch, term):  # no answer: a broken search
                            rest = ", ".join(map(repr, SEARCHES[number + 1 :]))
                            if rest:
                                watch.problem("search", f"not searched for {rest}: see above")
                            break
            finally:
                context.close()

    def visit(self, page: Page, watch: _Watch, path: str, *, missing: bool = False) -> None:
        base = self.server.base
        watch.page = "/" + MISSING_PAGE + " (the 404 page)" if missing else label(path, base)
        url = self.server.url(path)
        watch.expected_missing = url if missing else ""
        started = time.monotonic()
        try:
            response = page.goto(url, wait_until="load")
            page.wait_for_load_state("networkidle")
            page.evaluate("() => document.fonts.ready.then(() => true)")
            status = response.status if response else 0
            if status != (404 if missing else 200):
                expected = "404" if missing else "200"
                watch.problem("status", f"answered {status}, not {expected}")
            if missing:
                self.styled(page, watch)
            self.sideways(page, watch)
            self.chart_text(page, watch)
            name = "404" if missing else slug(path, base)
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(
                path=self.out / f"{name}-{watch.width}.png",
                full_page=True,
                scale="css",
                animations="disabled",
            )
            self.result.screenshots += 1
            facts: _Facts = page.evaluate(_PAGE_FACTS)
            self.ids.setdefault(path if not missing else url, set()).update(facts["ids"])
            for link in facts["links"]:
                key = (watch.page, link)
                self.links.setdefault(key, watch.width)
            if facts["blocks"]:
                self.copies(page, watch)
        except PlaywrightError as error:
            watch.problem("browser", f"could not finish the check: {shorten(error.message, 200)}")
        seconds = time.monotonic() - started
        print(f"  checked {watch.page} at {watch.width}px ({seconds:.1f} s)", file=sys.stderr)

    def styled(self, page: Page, watch: _Watch) -> None:
        found: _Styled = page.evaluate(_STYLED)
        if not found["sheets"]:
            watch.problem("404", "names no stylesheet")
        for href, rules in found["sheets"]:
            status = watch.responses.get(href)
            if rules <= 0 or status != 200:
                watch.problem(
                    "404", f"stylesheet {shorten(href, 100)} not loaded (answered {status})"
                )
        for src in found["scripts"]:
            status = watch.responses.get(src)
            if status != 200:
                watch.problem("404", f"script {shorten(src, 100)} not loaded (answered {status})")
        if found["header"] in {None, "static"}:
            watch.problem("404", "Material's stylesheet is not applied (its header is unstyled)")

    def sideways(self, page: Page, watch: _Watch) -> None:
        found: _Overflow = page.evaluate(_OVERFLOW)
        if found["page_width"] <= found["window_width"] + 1:
            return
        culprits = found["culprits"]
        named = "; ".join(
            f"{c['selector']} ({c['width']}px wide: {shorten(c['text'], 40)!r})"
            for c in culprits[:3]
        )
        more = f" and {len(culprits) - 3} more" if len(culprits) > 3 else ""
        watch.problem(
            "sideways",
            f"the page scrolls sideways ({found['page_width']}px wide in a"
            f" {found['window_width']}px window)"
            + (f", widened by {named}{more}" if culprits else ""),
        )

    def chart_text(self, page: Page, watch: _Watch) -> None:
        charts: list[_Chart] = page.evaluate(_CHART_TEXT, SMALLEST_TEXT - 0.005)
        for chart in charts:
            name = f"{shorten(chart['name'], 50)!r} ({chart['selector']})"
            drawn = f"drawn {chart['width']:.0f}px wide"
            if chart["view_width"]:
                drawn += f" for a viewBox {chart['view_width']:.0f} wide"
            sizes = f"{chart['smallest']:.1f}"
            if chart["biggest"] - chart["smallest"] >= 0.05:
                sizes += f"-{chart['biggest']:.1f}"
            examples = ", ".join(repr(shorten(text, 20)) for text in chart["examples"])
            watch.problem(
                "chart-text",
                f"chart {name}: {chart['small']} of its {chart['total']} texts under"
                f" {SMALLEST_TEXT:.0f}px ({sizes}px, e.g. {examples}; {drawn})",
            )

    def copies(self, page: Page, watch: _Watch) -> None:
        if self.clipboard is None:
            self.clipboard = bool(page.evaluate(_CLIPBOARD_WORKS, "check-site: clipboard"))
            self.result.copy_mode = (
                "Material's copy buttons pressed, the clipboard read"
                if self.clipboard
                else "the clipboard cannot be read here: Material's copy logic reproduced"
                " (data-md-copying, innerText)"
            )
        blocks: list[_Block] = page.evaluate(_BLOCKS)
        buttons = page.locator("pre:has(.gp)")
        marker = "check-site: before copying block 1"
        if self.clipboard:
            page.evaluate(_SET_CLIPBOARD, marker)
        for index, block in enumerate(blocks):
            self.result.copy_blocks += 1
            where = f"code block {index + 1} ({shorten(block['first'], 40)!r})"
            if not block["button"]:
                watch.problem("copy", f"{where} has prompts and no copy button")
                continue
            copied = block["material"]
            if self.clipboard:
                # Focused and pressed, as a keyboard user does: a real (trusted) press, which
                # no overlay can intercept and no zoom of a phone's page can misplace.
                buttons.nth(index).locator("[data-clipboard-target]").first.focus()
                page.keyboard.press("Enter")
                following = f"check-site: before copying block {index + 2}"
                copied = page.evaluate(_READ_CLIPBOARD, [marker, following, self.ms])
                if copied == marker:
                    watch.problem("copy", f"the copy button of {where} copied nothing")
                marker = following
            lines = [line.rstrip() for line in copied.split("\n")]
            prompts = [line for line in lines if line.startswith(PROMPTS) or line == ">>>"]
            expected = code_of(block["first"])
            if prompts:
                found = f"{_lines(len(prompts))}, e.g. {shorten(prompts[0], 40)!r}"
                watch.problem("copy", f"the copy button of {where} copies prompts ({found})")
            elif "\n".join(lines).rstrip() != expected:
                # Anything but the code: output, a traceback, or code left out.
                extra = [
                    line for line in lines if line.strip() and line not in expected.split("\n")
                ]
                said = (
                    f", e.g. {shorten(extra[0], 40)!r}"
                    if extra
                    else f": {shorten(chr(10).join(lines), 60)!r} for {shorten(expected, 60)!r}"
                )
                watch.problem(
                    "copy", f"the copy button of {where} copies more or less than its code{said}"
                )

    def search(self, page: Page, watch: _Watch, term: str) -> bool:
        """Search for `term` on the home page; whether the search answered at all."""
        home = self.server.base
        watch.page = "/"
        watch.expected_missing = ""
        try:
            page.goto(self.server.url(home), wait_until="load")
            box = page.locator("input.md-search__input")
            box.focus()  # Material opens its search when the box is focused (on a phone too)
            page.wait_for_function("() => document.getElementById('__search').checked")
            box.press_sequentially(term)
            page.wait_for_function(_SEARCH_ANSWERED)
            found = page.locator(".md-search-result__item").count()
            meta = page.locator(".md-search-result__meta").first.inner_text()
        except PlaywrightError as error:
            watch.problem(
                "search", f"search for {term!r} gave no answer: {shorten(error.message, 200)}"
            )
            return False
        self.result.searches.append(f"{term!r} at {watch.width}px: {shorten(meta)}")
        if not found:
            watch.problem("search", f"Material's search for {term!r} finds nothing ({meta!r})")
        return True

    def check_links(self) -> None:
        origin = self.server.origin
        statuses: dict[str, tuple[int, bytes]] = {}
        anchors: set[tuple[str, str]] = set()
        for (page, link), width in sorted(self.links.items()):
            scheme = urllib.parse.urlsplit(link).scheme
            if scheme not in {"http", "https"}:
                continue
            if not link.startswith(origin + "/"):
                self.result.external.add(link)
                continue
            self.result.links += 1
            address, _, fragment = link.partition("#")
            path = urllib.parse.urlsplit(address).path or "/"
            if path not in statuses:
                statuses[path] = self.server.status(path)
            status, data = statuses[path]
            shown = label(path, self.server.base)
            if status != 200:
                self.result.add(page, width, "link", f"links to {shown}, which answers {status}")
                continue
            fragment = urllib.parse.unquote(fragment)
            if not fragment or fragment.lower() == "top":
                continue
            anchors.add((path, fragment))
            ids = self.ids.get(path)
            if ids is None:
                if not data.lstrip()[:100].lower().startswith((b"<!doctype html", b"<html")):
                    continue
                parser = _Ids()
                parser.feed(data.decode("utf-8", "replace"))
                ids = self.ids[path] = parser.ids
            if fragment not in ids:
                self.result.add(
                    page, width, "anchor", f"links to {shown}#{fragment}, which has no such id"
                )
        self.result.targets = len(statuses)
        self.result.anchors = len(anchors)


# --- a run ------------------------------------------------------------------------------


def check(
    site: Path,
    base: str,
    out: Path,
    *,
    timeout: float,
    only: Iterable[str] = (),
) -> Result:
    """Check the site at `site`, served under `base`; screenshots go to `out`.

    `only` limits the check to those pages (paths under `base`); without it, the 404 page,
    the searches and the sitemap's agreement with the files are checked too.

    Raises:
        CannotCheckError: when Chromium, Playwright or the site is missing, or Chromium won't start.
    """
    started = time.monotonic()
    if not HAVE_PLAYWRIGHT:
        raise CannotCheckError(
            "Playwright for Python is not installed: python -m pip install '.[browser]'"
        )
    if not CHROMIUM.is_file():
        raise CannotCheckError(
            f"{CHROMIUM} is missing: install Debian's chromium"
            " (apt-get install --no-install-recommends chromium)"
        )
    if not (site / "index.html").is_file():
        raise CannotCheckError(f"{site} is no built site (it has no index.html): run mkdocs build")
    result = Result()
    pages = site_pages(site, base, result)
    wanted = [path if path.startswith(base) else base + path.lstrip("/") for path in only]
    whole = not wanted
    if wanted:
        result.problems.clear()
        unknown = [path for path in wanted if path not in pages]
        if unknown:
            raise CannotCheckError(f"no such page in the site: {', '.join(unknown)}")
        pages = wanted
    result.pages = pages
    out.mkdir(parents=True, exist_ok=True)
    for width in WIDTHS:  # a page's screenshots of an earlier run, not any other picture
        for old in out.glob(f"*-{width}.png"):
            old.unlink()
    server = Server(site, base)
    try:
        run = _Run(server, out, timeout, result, pages, whole)
        with _browser() as browser:
            run.check(browser)
        run.check_links()
    finally:
        server.close()
    result.seconds = time.monotonic() - started
    write_report(out / "report.txt", site, base, result)
    return result


class _browser:  # noqa: N801 -- used as a function: with _browser() as browser
    """Playwright's Chromium, launched from /usr/bin/chromium, for a with block."""

    def __enter__(self) -> Browser:
        self._manager = sync_playwright()
        playwright = self._manager.__enter__()
        try:
            return playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=["--no-sandbox"], timeout=120_000
            )
        except PlaywrightError as error:
            self._manager.__exit__(None, None, None)
            raise CannotCheckError(
                f"Chromium did not start: {shorten(error.message, 300)}"
            ) from None

    def __exit__(self, *exc: object) -> None:
        self._manager.__exit__(None, None, None)


def write_report(path: Path, site: Path, base: str, result: Result) -> None:
    """Write the run's report: the pages checked, the counts, the problems."""
    lines = [
        (
            f"check_site.py: {site} served under {base}, at"
            f" {' and '.join(map(str, WIDTHS))} pixels ({result.seconds:.0f} s)"
        ),
        "",
        f"pages checked ({len(result.pages)}):",
        *(f"  {label(page, base)} ({slug(page, base)}-<width>.png)" for page in result.pages),
        f"screenshots: {result.screenshots}",
        (
            f"internal links checked: {result.links}, to {result.targets} targets;"
            f" anchors checked: {result.anchors}"
        ),
        f"code blocks with prompts copied: {result.copy_blocks} ({result.copy_mode})",
        "searches:",
        *(f"  {search}" for search in result.searches),
        f"links to other hosts (listed, not fetched): {len(result.external)}",
        *(f"  {link}" for link in sorted(result.external)),
        "",
        f"problems: {len(result.problems)}",
        *(f"  {problem.line()}" for problem in result.problems),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- the self-test ----------------------------------------------------------------------

_CHART = re.compile(r"<svg\b(?:(?!</svg>).)*?<text\b", re.DOTALL)
_ARTICLE = re.compile(r"<article\b[^>]*>")
SHRUNK = "self-test-shrunk-chart"
WIDE = "self-test-wide-table"


def _shrink_chart(site: Path, base: str) -> str:
    """Force the first chart of the first page with one 120 pixels wide; its page's path."""
    for path in site_pages(site, base, Result()):
        relative = path[len(base) :]
        file = site / relative / "index.html" if not relative.endswith(".html") else site / relative
        text = file.read_text(encoding="utf-8")
        match = _CHART.search(text)
        if match:
            style = "width:120px!important;max-width:120px!important;height:auto!important"
            start = match.start() + len("<svg")
            text = f'{text[:start]} id="{SHRUNK}" style="{style}"{text[start:]}'
            file.write_text(text, encoding="utf-8")
            return path
    raise CannotCheckError("no page of the site has a chart (an <svg> with <text>) to shrink")


def _widen_home(site: Path, base: str) -> str:
    """Put a table forced 2400 pixels wide at the top of the home page; its path."""
    file = site / "index.html"
    text = file.read_text(encoding="utf-8")
    match = _ARTICLE.search(text)
    if not match:
        raise CannotCheckError("the home page has no <article> to put a wide table into")
    table = (
        f'<table id="{WIDE}" class="self-test" style="width:2400px;min-width:2400px">'
        "<tr><td>self-test: a table wider than any window</td></tr></table>"
    )
    file.write_text(text[: match.end()] + table + text[match.end() :], encoding="utf-8")
    return base


def _copy_all(site: Path, base: str) -> str:
    """Empty the stylesheet that keeps prompts and output out of copies; the tutorial's path."""
    (site / "stylesheets" / "extra.css").write_text("", encoding="utf-8")
    if not (site / "tutorial" / "index.html").is_file():
        raise CannotCheckError("the site has no tutorial page, whose sessions the copy case uses")
    return f"{base}tutorial/"


def self_test(site: Path, base: str, *, timeout: float) -> bool:
    """Break copies of the site and check that the check fails each for its reason."""
    cases = (
        ("(a) a chart forced 120px wide", _shrink_chart, "chart-text", SHRUNK),
        ("(b) a table forced 2400px wide", _widen_home, "sideways", WIDE),
        ("(c) copy buttons that copy prompts and output", _copy_all, "copy", "copies prompts"),
    )
    passed = True
    with tempfile.TemporaryDirectory(prefix="check-site-") as temporary:
        for number, (title, breaks, kind, marker) in enumerate(cases):
            copy = Path(temporary) / f"site-{number}"
            shutil.copytree(site, copy)
            path = breaks(copy, base)
            result = check(
                copy, base, Path(temporary) / f"out-{number}", timeout=timeout,
                only=[path],
            )  # fmt: skip
            shown = label(path, base)
            print(f"self-test {title}, on {shown}: the check reported {len(result.problems)}:")
            for problem in result.problems:
                print(f"  {problem.line()}")
            hit = {
                problem.width
                for problem in result.problems
                if problem.kind == kind and marker in problem.what
            }
            if hit == set(WIDTHS):
                print(f"self-test {title}: failed as it must, at both widths ({kind})")
            else:
                passed = False
                missed = ", ".join(f"{width}px" for width in WIDTHS if width not in hit)
                print(f"self-test {title}: NOT reported as {kind} naming {marker} at {missed}")
    return passed


# --- the command line -------------------------------------------------------------------


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Check the built documentation site in Chromium at 390 and 1400 pixels."
    )
    parser.add_argument("site", type=Path, help="the folder mkdocs build wrote")
    parser.add_argument(
        "--base-path",
        default="/taliban_recognition/",
        help="the sub-path the site is served under (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("site-check"),
        help="where the screenshots and report.txt go (default: %(default)s)",
    )
    parser.add_argument(
        "--page",
        action="append",
        default=[],
        help="check only this page (a path under the sub-path; repeatable)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=180.0,
        help="seconds any one wait may take (default: %(default)s)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="break two copies of the site and check that the check fails on each",
    )
    return parser.parse_args(argv)


def _base(text: str) -> str:
    return "/" + text.strip("/") + "/" if text.strip("/") else "/"


def _main(argv: list[str] | None) -> int:
    arguments = _arguments(argv)
    site: Path = arguments.site.resolve()
    base = _base(arguments.base_path)
    timeout: float = arguments.timeout
    if arguments.self_test:
        started = time.monotonic()
        passed = self_test(site, base, timeout=timeout)
        verdict = "passed" if passed else "FAILED"
        print(f"check_site.py --self-test: {verdict} ({time.monotonic() - started:.0f} s)")
        return 0 if passed else 1
    out: Path = arguments.out
    result = check(site, base, out, timeout=timeout, only=arguments.page)
    for problem in result.problems:
        print(problem.line())
    print(
        f"check_site.py: {len(result.pages)} pages at {' and '.join(map(str, WIDTHS))}px,"
        f" {result.links} internal links to {result.targets} targets, {result.anchors} anchors,"
        f" {result.copy_blocks} copied code blocks, {len(result.external)} external links"
        f" (listed in {out / 'report.txt'}); {len(result.problems)} problems"
        f" ({result.seconds:.0f} s)"
    )
    return 1 if result.problems else 0


def main(argv: list[str] | None = None) -> int:
    """Run the check (or its self-test); the exit status."""
    try:
        return _main(argv)
    except CannotCheckError as error:
        print(f"check_site.py: cannot check the site: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
