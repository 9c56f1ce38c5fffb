#!/usr/bin/env python3
"""Tests of scripts/browser-check.py on the fixture sites beside this file.

fixtures/good is a small site with every page kind that must pass without a single finding;
fixtures/bad carries one mistake per page, and each must be reported against the right page.
The checker runs as a reader's CI would run it: as a command, with the real Chromium and the
real Nu validator. Run through `scripts/browser-test.sh --self-test`, which installs both.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CHECKER = REPO / "scripts" / "browser-check.py"
GOOD = HERE / "fixtures" / "good"
BAD = HERE / "fixtures" / "bad"
KINDS = ["archive", "article", "day", "index", "other", "search", "ticker", "tickers"]


def load_checker():
    spec = importlib.util.spec_from_file_location("browser_check", CHECKER)
    module = importlib.util.module_from_spec(spec)
    sys.modules["browser_check"] = module
    spec.loader.exec_module(module)
    return module


checker = load_checker()


def run_checker(test, site: Path, *options: str) -> tuple[int, str, dict, Path]:
    """Runs the checker command; returns exit status, printed output, JSON findings, screenshots.
    Its files go to a temporary folder removed when the test (or test class) is done."""
    work = Path(tempfile.mkdtemp(prefix="browser-check-test-"))
    (test.addClassCleanup if isinstance(test, type) else test.addCleanup)(shutil.rmtree, work, True)
    shots, report = work / "shots", work / "report.json"
    done = subprocess.run([sys.executable, str(CHECKER), str(site), "--screenshots", str(shots),
                           "--json", str(report), *options],
                          capture_output=True, text=True, timeout=600)
    data = json.loads(report.read_text()) if report.exists() else {}
    return done.returncode, done.stdout + done.stderr, data, shots


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


class GoodSite(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status, cls.output, cls.report, cls.shots = run_checker(cls, GOOD)

    def test_passes_without_any_finding(self):
        self.assertEqual(self.status, 0, self.output)
        self.assertEqual(self.report["problems"], [], self.output)

    def test_every_page_and_kind_is_seen(self):
        self.assertEqual(self.report["pages"], 10)
        self.assertEqual(sorted(self.report["kinds"]), KINDS)
        # Small site: every page at both widths and without scripts, plus one file:// page per kind.
        self.assertEqual(self.report["browser_visits"], 10 * 3 + len(KINDS))
        self.assertIn("browser-check: 10 passed, 0 failed", self.output)

    def test_screenshots_per_kind_width_and_scheme(self):
        for kind in KINDS:
            for name, width in (("phone-light", 750), ("phone-dark", 750), ("phone-nojs", 750),
                                ("desktop-light", 1280), ("desktop-dark", 1280), ("desktop-print", 1280)):
                path = self.shots / f"{kind}-{name}.png"
                self.assertTrue(path.exists(), path)
                self.assertEqual(png_size(path)[0], width, path)
            # The dark scheme really was emulated: the stylesheet's dark colours changed the picture.
            self.assertNotEqual((self.shots / f"{kind}-phone-light.png").read_bytes(),
                                (self.shots / f"{kind}-phone-dark.png").read_bytes(), kind)
            # So was print: the fixture's print styles hide the navigation.
            self.assertNotEqual((self.shots / f"{kind}-desktop-light.png").read_bytes(),
                                (self.shots / f"{kind}-desktop-print.png").read_bytes(), kind)
        gallery = (self.shots / "index.html").read_text()
        self.assertIn('src="day-phone-dark.png"', gallery)


class BadSite(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status, cls.output, cls.report, cls.shots = run_checker(cls, BAD)
        cls.problems = cls.report.get("problems", [])

    def found(self, check: str, where: str, text: str, severity: str = "error") -> list[dict]:
        hits = [p for p in self.problems if p["check"] == check and p["where"].startswith(where)
                and text in p["message"] and p["severity"] == severity]
        self.assertTrue(hits, f"expected {severity} [{check}] {where}: ...{text}... in\n{self.output}")
        return hits

    def test_fails_with_exit_status_1(self):
        self.assertEqual(self.status, 1, self.output)

    def test_broken_link_and_missing_fragment(self):
        self.found("link", "index.html:", "missing-page.html does not exist")
        self.found("link", "index.html:", 'no element with id "no-such-id" in overflow.html')

    def test_links_that_break_outside_a_server_root(self):
        self.found("link", "index.html:", 'root-relative URL "/about.html"')
        self.found("link", "index.html:", '"tickers/" links to a folder')
        self.found("link", "index.html:", '"../outside.html" climbs above the site folder')

    def test_forbidden_and_malformed_urls(self):
        self.found("link", "index.html:", "javascript: URL not allowed")
        self.found("link", "index.html:", "file: URL not allowed")
        self.found("link", "index.html:", 'malformed absolute URL in <a href>: "https://exa mple.com/"')
        # The well-formed web link next to them is not fetched and not reported.
        self.assertFalse([p for p in self.problems if "example.com/fine" in p["message"]])

    def test_broken_image_statically_and_in_the_browser(self):
        self.found("link", "broken-image.html:", "images/missing.png does not exist")
        for where in ("broken-image.html @phone", "broken-image.html @desktop", "broken-image.html @file"):
            self.found("image", where, '"images/missing.png" did not load')

    def test_missing_file_named_in_a_stylesheet(self):
        self.found("link", "style.css:3", "images/missing-icon.png does not exist")

    def test_console_errors_from_a_script(self):
        self.found("console", "console-error.html @phone", "fixture: something went wrong")
        self.found("console", "console-error.html @desktop", "Uncaught ReferenceError: undefinedFunctionCall")

    def test_missing_file_a_script_asked_the_server_for(self):
        self.found("server", "fetch.html", "data/missing.json: HTTP 404")

    def test_horizontal_scrolling_on_the_phone_names_the_culprit(self):
        hits = self.found("overflow", "overflow.html @phone", "div.too-wide")
        self.assertIn("375px viewport", hits[0]["message"])
        overflowing = {p["where"] for p in self.problems if p["check"] == "overflow"}
        self.assertEqual(overflowing, {"overflow.html @phone"})

    def test_missing_viewport(self):
        self.found("viewport", "no-viewport.html @phone", "lays out 980px wide")

    def test_content_that_needs_javascript(self):
        self.found("nojs", "js-only.html @phone-nojs", "shows 0 characters of text without JavaScript")
        self.assertEqual({p["where"] for p in self.problems if p["check"] == "nojs"}, {"js-only.html @phone-nojs"})

    def test_invalid_html_with_file_and_line(self):
        self.found("validator", "invalid.html:12", "Stray end tag")
        self.found("validator", "invalid.html:13", "Unclosed element")

    def test_orphan_is_a_warning(self):
        self.found("orphan", "orphan.html", "not reachable", severity="warning")

    def test_clean_page_of_a_bad_site_has_no_finding(self):
        self.assertFalse([p for p in self.problems if p["where"].startswith("tickers/index.html")], self.output)
        self.assertIn("browser-check: 2 passed, 9 failed", self.output)


class Options(unittest.TestCase):
    def test_page_kinds_must_exist(self):
        status, output, report, _ = run_checker(self, GOOD, "--no-browser", "--no-validator",
                                                "--page-kinds", "day", "article", "calendar")
        self.assertEqual(status, 1, output)
        self.assertEqual([(p["check"], p["where"]) for p in report["problems"]], [("kinds", "calendar")])

    def test_folder_links_can_be_allowed(self):
        status, output, report, _ = run_checker(self, BAD, "--no-browser", "--no-validator", "--allow-folder-links")
        folder = [p for p in report["problems"] if "links to a folder" in p["message"]]
        self.assertEqual([p["severity"] for p in folder], ["warning"])

    def test_not_a_folder_is_a_setup_error(self):
        status, output, _, _ = run_checker(self, HERE / "no-such-site")
        self.assertEqual(status, 2, output)
        self.assertIn("cannot run", output)


class Helpers(unittest.TestCase):
    def test_resolve(self):
        resolve = checker.resolve
        self.assertEqual(resolve("2024/05/01/a.html", "../../05/02/b.html#k"),
                         checker.Resolved("2024/05/02/b.html", "k", False))
        self.assertEqual(resolve("a/b.html", "d%20e.html?x=1"), checker.Resolved("a/d e.html", "", False))
        self.assertEqual(resolve("a/b.html", "#top"), checker.Resolved("a/b.html", "top", False))
        self.assertEqual(resolve("a/b.html", "./"), checker.Resolved("a", "", True))
        self.assertEqual(resolve("index.html", "."), checker.Resolved("", "", True))
        self.assertIsNone(resolve("a/b.html", "../../c.html"))

    def test_srcset(self):
        self.assertEqual(checker.split_srcset("a.png 1x, b.png 2x"), ["a.png", "b.png"])
        self.assertEqual(checker.split_srcset("data:image/png;base64,AAA 1x, c.png 2x"),
                         ["data:image/png;base64,AAA", "c.png"])
        self.assertEqual(checker.split_srcset("a.png, b.png"), ["a.png", "b.png"])

    def test_web_urls(self):
        ok = checker.well_formed_web_url
        self.assertTrue(ok("https://example.com/a?b=c#d"))
        self.assertTrue(ok("http://127.0.0.1:8000/"))
        self.assertTrue(ok("https://bücher.example/"))
        self.assertFalse(ok("https://exa mple.com/"))
        self.assertFalse(ok("https:///path"))
        self.assertFalse(ok("http://example.com:99999/"))
        self.assertFalse(ok("https://exa_mple.com/"))

    def test_kinds_and_sampling_of_a_large_site(self):
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            pages = ["index.html", "archive.html", "tickers/index.html", "tickers/ACME/index.html",
                     "search/index.html", "about.html"]
            for day in range(1, 29):
                pages += [f"2024/02/{day:02d}/index.html", f"2024/02/{day:02d}/story.html"]
            for rel in pages:
                (root / rel).parent.mkdir(parents=True, exist_ok=True)
                (root / rel).write_text("<!DOCTYPE html><title>t</title>")
            site = checker.SiteIndex(root, checker.DEFAULT_KIND_RULES)
            kinds = {rel: page.kind for rel, page in site.pages.items()}
            self.assertEqual(kinds["index.html"], "index")
            self.assertEqual(kinds["2024/02/03/index.html"], "day")
            self.assertEqual(kinds["2024/02/03/story.html"], "article")
            self.assertEqual(kinds["tickers/index.html"], "tickers")
            self.assertEqual(kinds["tickers/ACME/index.html"], "ticker")
            self.assertEqual(kinds["search/index.html"], "search")
            self.assertEqual(kinds["archive.html"], "archive")
            self.assertEqual(kinds["about.html"], "other")
            sample = checker.sample_pages(site, sorted(set(kinds.values())), 60, 5)
            self.assertEqual(len(sample["day"]), 5)
            self.assertEqual(sample["day"][0], "2024/02/01/index.html")
            self.assertEqual(sample["day"][-1], "2024/02/28/index.html")
            self.assertEqual(sample["index"], ["index.html"])
            # Under the limit every page is opened.
            self.assertEqual(sum(map(len, checker.sample_pages(site, ["day"], 60, 5).values())), 28)

    def test_server_serves_only_under_the_subfolder(self):
        server = checker.SiteServer(GOOD)
        try:
            with urllib.request.urlopen(server.url("index.html"), timeout=10) as response:
                self.assertEqual(response.status, 200)
                self.assertIn("text/html", response.headers["Content-Type"])
            with urllib.request.urlopen(server.url("assets/logo.svg"), timeout=10) as response:
                self.assertEqual(response.headers["Content-Type"], "image/svg+xml")
            with self.assertRaises(urllib.error.HTTPError) as raised:
                urllib.request.urlopen(f"http://127.0.0.1:{server.port}/index.html", timeout=10)
            self.assertEqual(raised.exception.code, 404)
        finally:
            server.close()
        self.assertEqual([(code, path) for code, path, _ in server.failures], [(404, "/index.html")])


if __name__ == "__main__":
    # A closing "N passed, N failed" line, which CI reads as the outcome of a test run.
    program = unittest.main(exit=False, verbosity=2)
    result = program.result
    failed = len(result.failures) + len(result.errors)
    print(f"browser-self-test: {result.testsRun - failed - len(result.skipped)} passed, {failed} failed"
          + (f", {len(result.skipped)} skipped" if result.skipped else ""))
    sys.exit(0 if result.wasSuccessful() else 1)
