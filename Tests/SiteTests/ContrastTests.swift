import Foundation
import Testing
@testable import Site

/// WCAG AA for every text/background pair the stylesheet sets, computed from the stylesheet
/// that ships (the bundled `assets/style.css`), in the light and dark schemes and both palettes.
///
/// Pairs come from the CSS itself: every rule that sets `color` and `background` from custom
/// properties (badges, chips, trends, changes, the search button…) is one pair; a rule that
/// sets only `color` is text on the page or on a card, so it is checked against both.
@Suite struct ContrastTests {
    static let css = String(decoding: try! TemplateLibrary().assets["assets/style.css"]!, as: UTF8.self)
    static let sheet = StyleSheet(css)

    @Test(arguments: ["light", "dark"], ["standard", "cn"])
    func everyTextPairMeetsAA(scheme: String, palette: String) throws {
        let vars = Self.sheet.variables(dark: scheme == "dark", cn: palette == "cn")
        var checked = 0
        var figures: [String] = []
        for pair in Self.sheet.textPairs() {
            let fg = try #require(vars[pair.fg].flatMap(RGB.init), "\(pair.selector): --\(pair.fg) unresolved")
            let bg = try #require(vars[pair.bg].flatMap(RGB.init), "\(pair.selector): --\(pair.bg) unresolved")
            let ratio = RGB.contrast(fg, bg)
            #expect(ratio >= 4.5, "\(scheme)/\(palette) \(pair.selector): --\(pair.fg) on --\(pair.bg) is \(ratio)")
            figures.append("\(pair.selector) \(pair.fg)/\(pair.bg) \((ratio * 100).rounded() / 100)")
            checked += 1
        }
        // Not vacuous: every badge label and chip is among the pairs.
        for slug in ["positive", "mildly-positive", "neutral", "mildly-negative", "negative"] {
            #expect(figures.contains { $0.hasPrefix(".badge-\(slug) ") }, "no pair for .badge-\(slug)")
            #expect(figures.contains { $0.hasPrefix(".chip-\(slug) ") }, "no pair for .chip-\(slug)")
        }
        #expect(checked > 20)
        if ProcessInfo.processInfo.environment["BELLWETHER_CONTRAST"] != nil {
            print("contrast \(scheme)/\(palette):\n  " + figures.joined(separator: "\n  "))
        }
    }

    @Test func darkSchemeAndCNPaletteChangeTheColours() {
        let light = Self.sheet.variables(dark: false, cn: false)
        let dark = Self.sheet.variables(dark: true, cn: false)
        let cn = Self.sheet.variables(dark: false, cn: true)
        let darkCN = Self.sheet.variables(dark: true, cn: true)
        #expect(light["bg"] != dark["bg"])
        // Red means up: the cn palette's "up" is the standard palette's "down", in both schemes.
        for (std, red) in [(light, cn), (dark, darkCN)] {
            #expect(red["up-fg"] == std["down-fg"] && red["up-bg"] == std["down-bg"])
            #expect(red["down-fg"] == std["up-fg"] && red["down-bg"] == std["up-bg"])
            #expect(red["up-mark"] == std["down-mark"])
        }
    }

    @Test func contrastFormulaMatchesWCAGExamples() {
        #expect(abs(RGB.contrast(RGB("#000000")!, RGB("#ffffff")!) - 21) < 0.01)
        #expect(abs(RGB.contrast(RGB("#777777")!, RGB("#ffffff")!) - 4.48) < 0.01)
        #expect(RGB.contrast(RGB("#fff")!, RGB("#ffffff")!) == 1)
    }
}

/// An sRGB colour from `#rgb` or `#rrggbb`, with WCAG 2 relative luminance.
struct RGB {
    let r, g, b: Double
    init?(_ hex: String) {
        var h = hex.trimmingCharacters(in: .whitespaces)
        guard h.hasPrefix("#") else { return nil }
        h.removeFirst()
        if h.count == 3 { h = h.map { "\($0)\($0)" }.joined() }
        guard h.count == 6, let v = Int(h, radix: 16) else { return nil }
        r = Double(v >> 16 & 255) / 255; g = Double(v >> 8 & 255) / 255; b = Double(v & 255) / 255
    }
    var luminance: Double {
        func lin(_ c: Double) -> Double { c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    static func contrast(_ a: RGB, _ b: RGB) -> Double {
        let la = a.luminance, lb = b.luminance
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

/// Just enough of CSS to read custom properties and colour pairs: rules, `@media` blocks
/// (nested one level), declarations. Comments are dropped.
struct StyleSheet {
    struct Rule {
        let media: String?
        let selector: String
        let declarations: [(String, String)]
    }
    let rules: [Rule]

    init(_ source: String) {
        var text = source
        while let start = text.range(of: "/*"), let end = text.range(of: "*/", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        var rules: [Rule] = []
        func parse(_ s: Substring, media: String?) {
            var rest = s
            while let open = rest.firstIndex(of: "{") {
                let prelude = rest[..<open].trimmingCharacters(in: .whitespacesAndNewlines)
                // Find the matching brace.
                var depth = 0, i = open
                while i < rest.endIndex {
                    if rest[i] == "{" { depth += 1 } else if rest[i] == "}" { depth -= 1; if depth == 0 { break } }
                    i = rest.index(after: i)
                }
                let body = rest[rest.index(after: open)..<i]
                if prelude.hasPrefix("@media") {
                    parse(body, media: String(prelude.dropFirst("@media".count)).trimmingCharacters(in: .whitespaces))
                } else {
                    let decls = body.split(separator: ";").compactMap { d -> (String, String)? in
                        guard let colon = d.firstIndex(of: ":") else { return nil }
                        return (d[..<colon].trimmingCharacters(in: .whitespacesAndNewlines),
                                d[d.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines))
                    }
                    for selector in prelude.split(separator: ",") {
                        rules.append(Rule(media: media, selector: selector.trimmingCharacters(in: .whitespacesAndNewlines), declarations: decls))
                    }
                }
                rest = i < rest.endIndex ? rest[rest.index(after: i)...] : rest[rest.endIndex...]
            }
        }
        parse(text[...], media: nil)
        self.rules = rules
    }

    /// Custom properties as the page sees them: `:root`, then the dark-scheme block, then the
    /// `body.palette-cn` blocks, in source order (later wins), print ignored.
    func variables(dark: Bool, cn: Bool) -> [String: String] {
        var vars: [String: String] = [:]
        for rule in rules {
            let scheme = rule.media
            guard scheme == nil || (dark && scheme == "(prefers-color-scheme: dark)") else { continue }
            guard rule.selector == ":root" || (cn && rule.selector == "body.palette-cn") else { continue }
            for (k, v) in rule.declarations where k.hasPrefix("--") { vars[String(k.dropFirst(2))] = v }
        }
        return vars
    }

    struct Pair { let selector: String; let fg: String; let bg: String }

    /// Text colour on background for every screen rule that sets a colour from a variable.
    func textPairs() -> [Pair] {
        func variable(_ value: String) -> String? {
            guard value.hasPrefix("var(--"), value.hasSuffix(")") else { return nil }
            return String(value.dropFirst("var(--".count).dropLast())
        }
        var pairs: [Pair] = []
        for rule in rules where rule.media == nil || rule.media!.hasPrefix("(min-width") {
            let d = Dictionary(rule.declarations, uniquingKeysWith: { _, last in last })
            guard let color = d["color"].flatMap(variable) else { continue }
            if let bg = (d["background"] ?? d["background-color"]).flatMap(variable) {
                pairs.append(Pair(selector: rule.selector, fg: color, bg: bg))
            } else {
                pairs.append(Pair(selector: rule.selector, fg: color, bg: "bg"))
                pairs.append(Pair(selector: rule.selector, fg: color, bg: "card"))
            }
        }
        return pairs
    }
}
