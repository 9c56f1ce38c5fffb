import Foundation
import Testing
@testable import Site

/// The feeds as feed readers see them. Atom goes through Python's `feedparser` (what many
/// readers and tools use) and must parse without a single complaint ("bozo"); JSON Feed, which
/// no released feedparser reads (6.0.14, the newest, parses XML only), is checked against the
/// JSON Feed 1.1 rules by the same script. Both must describe the same entries.
///
/// The Python side runs from a venv under `.build/venv-feeds` with exact pins, created on the
/// first run (as `scripts/browser-test.sh` does for the browser checks), so CI needs nothing
/// installed beforehand. A venv that cannot be made fails the tests: nothing is skipped.
@Suite(.serialized) struct FeedValidationTests {
    @Test func siteAndTickerFeedsParseWithoutErrorsWithABaseURL() throws {
        var options = SiteOptions()
        options.baseURL = "https://briefings.example.com/desk/"
        let (tmp, site, report) = try buildSite(ExampleSiteTests.examples, options)
        defer { tmp.cleanup() }
        #expect(report.notes.isEmpty)
        try check(site, feeds: ["feed", "tickers/NVDA/feed", "tickers/AAPL/feed"], base: options.baseURL)
    }

    @Test func feedsStayValidWithoutABaseURL() throws {
        let (tmp, site, report) = try buildSite(ExampleSiteTests.examples, SiteOptions())
        defer { tmp.cleanup() }
        // The build says once that links are relative and ids are tag: URIs.
        #expect(report.notes.count == 1)
        #expect(report.notes.first?.contains("--base-url") == true)
        try check(site, feeds: ["feed", "tickers/NVDA/feed"], base: nil)
    }

    @Test func hostileArticlesGiveValidFeeds() throws {
        let hostile = repositoryRoot.appendingPathComponent("Tests/ArticlesTests/Fixtures/hostile")
        let (tmp, site, _) = try buildSite(hostile, SiteOptions())
        defer { tmp.cleanup() }
        try check(site, feeds: ["feed"], base: nil)
        let xml = read(site.appendingPathComponent("feed.xml"))
        // Markup in articles arrives as text: escaped once for the HTML, again for the XML.
        #expect(!xml.contains("<script"))
        #expect(xml.contains("&amp;lt;script&amp;gt;"))
        #expect(!xml.contains("href=&quot;javascript"))
        #expect(!xml.contains("href=\"javascript"))
    }

    func check(_ site: URL, feeds: [String], base: String?) throws {
        var args = [site.path] + feeds
        if let base { args += ["--base", base] }
        let (status, output) = try runPython(FeedValidationTests.script, args)
        #expect(status == 0, "\(output)")
        #expect(output.contains("feeds ok"), "\(output)")
    }

    /// Checks each named feed (`feed` → `feed.xml` and `feed.json`) and prints `feeds ok`.
    static let script = #"""
import datetime, json, re, sys
import feedparser

site, rest = sys.argv[1], sys.argv[2:]
base = None
if "--base" in rest:
    i = rest.index("--base"); base = rest[i + 1]; rest = rest[:i] + rest[i + 2:]
errors = []
def err(msg): errors.append(msg)
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")

for name in rest:
    xml_path, json_path = f"{site}/{name}.xml", f"{site}/{name}.json"
    d = feedparser.parse(xml_path)
    if d.bozo: err(f"{name}.xml: bozo: {d.bozo_exception!r}")
    if d.version != "atom10": err(f"{name}.xml: version {d.version!r}, want atom10")
    if not d.entries: err(f"{name}.xml: no entries")
    if not RFC3339.match(d.feed.get("updated", "")): err(f"{name}.xml: feed updated {d.feed.get('updated')!r}")
    atom_ids = []
    for e in d.entries:
        for key in ("id", "title", "link", "updated", "published", "summary"):
            if not e.get(key): err(f"{name}.xml: entry {e.get('id')!r} lacks {key}")
        for key in ("updated", "published"):
            if e.get(key) and not RFC3339.match(e[key]): err(f"{name}.xml: {key} {e[key]!r} is not RFC 3339 with an offset")
        if not e.get("content") or e.content[0].type != "text/html": err(f"{name}.xml: entry {e.get('id')!r} has no html content")
        if base:
            if not e.link.startswith(base): err(f"{name}.xml: link {e.link!r} not under {base}")
            if not e.id.startswith(base): err(f"{name}.xml: id {e.id!r} not under {base}")
        else:
            if not e.id.startswith("tag:"): err(f"{name}.xml: id {e.id!r} is not a tag: URI")
            if e.link.startswith(("http:", "https:")): err(f"{name}.xml: absolute link {e.link!r} without a base URL")
        atom_ids.append(e.id)
    if len(set(atom_ids)) != len(atom_ids): err(f"{name}.xml: duplicate entry ids")
    newest = max((e.updated for e in d.entries), key=lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00")), default=None)
    if newest and d.feed.get("updated") != newest: err(f"{name}.xml: feed updated {d.feed.get('updated')!r} is not the newest entry's {newest!r}")
    self_links = [l.href for l in d.feed.get("links", []) if l.rel == "self"]
    if base and self_links != [base + name + ".xml"]: err(f"{name}.xml: self link {self_links!r}")

    try:
        j = json.load(open(json_path, encoding="utf-8"))
    except Exception as x:
        err(f"{name}.json: not JSON: {x}"); continue
    if j.get("version") != "https://jsonfeed.org/version/1.1": err(f"{name}.json: version {j.get('version')!r}")
    if not isinstance(j.get("title"), str) or not j["title"]: err(f"{name}.json: no title")
    items = j.get("items")
    if not isinstance(items, list) or not items: err(f"{name}.json: no items"); continue
    for key in ("home_page_url", "feed_url"):
        if base and not str(j.get(key, "")).startswith(base): err(f"{name}.json: {key} {j.get(key)!r}")
        if not base and key in j: err(f"{name}.json: {key} without a base URL")
    ids = []
    for it in items:
        if not isinstance(it.get("id"), str) or not it["id"]: err(f"{name}.json: item without a string id"); continue
        ids.append(it["id"])
        if not isinstance(it.get("content_html"), str) or not it["content_html"]: err(f"{name}.json: {it['id']} has no content_html")
        if not isinstance(it.get("url"), str): err(f"{name}.json: {it['id']} has no url")
        elif base and not it["url"].startswith(base): err(f"{name}.json: url {it['url']!r} not under {base}")
        if not RFC3339.match(it.get("date_published", "")): err(f"{name}.json: date_published {it.get('date_published')!r}")
        else: datetime.datetime.fromisoformat(it["date_published"].replace("Z", "+00:00"))
        if not isinstance(it.get("tags", []), list) or not all(isinstance(t, str) for t in it.get("tags", [])): err(f"{name}.json: tags of {it['id']}")
        for a in it.get("authors", []):
            if not isinstance(a, dict) or not isinstance(a.get("name"), str): err(f"{name}.json: authors of {it['id']}")
    if ids != atom_ids: err(f"{name}: the Atom and JSON feeds list different entries")
    print(f"{name}: {len(d.entries)} Atom entries, {len(items)} JSON Feed items")

if errors:
    print("\n".join(errors)); sys.exit(1)
print("feeds ok")
"""#
}

/// Builds an article folder into a temporary site.
func buildSite(_ articles: URL, _ options: SiteOptions) throws -> (TemporaryFolder, URL, BuildReport) {
    let tmp = try TemporaryFolder()
    let out = tmp.url.appendingPathComponent("site")
    let report = try SiteBuilder(options: options, library: try TemplateLibrary(), version: "test")
        .build(articles: articles, output: out)
    return (tmp, out, report)
}

/// The Python of `.build/venv-feeds`, made on first use with exact pins.
let feedPython: Result<URL, Error> = Result {
    let venv = repositoryRoot.appendingPathComponent(".build/venv-feeds")
    let python = venv.appendingPathComponent("bin/python")
    let pins = ["feedparser==6.0.14", "feedparser-sgmllib==2.1.0"]
    let stamp = venv.appendingPathComponent(".pins")
    let wanted = pins.joined(separator: "\n")
    if FileManager.default.fileExists(atPath: python.path), read(stamp) == wanted,
       (try? run(python.path, ["-c", "import feedparser"]))?.0 == 0 {
        return python
    }
    try? FileManager.default.removeItem(at: venv)
    let (s1, o1) = try run("/usr/bin/env", ["python3", "-m", "venv", venv.path])
    guard s1 == 0 else { throw SiteError.input("cannot create \(venv.path): \(o1)") }
    let (s2, o2) = try run(python.path, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check"] + pins)
    guard s2 == 0 else { throw SiteError.input("pip install \(pins) failed: \(o2)") }
    try Data(wanted.utf8).write(to: stamp)
    return python
}

func runPython(_ script: String, _ args: [String]) throws -> (Int32, String) {
    let python = try feedPython.get()
    return try run(python.path, ["-c", script] + args)
}

/// Runs a program to completion, returning its status and its output and errors together.
func run(_ program: String, _ args: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: program)
    p.arguments = args
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    // Read before waiting: a full pipe would block the child forever.
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}
