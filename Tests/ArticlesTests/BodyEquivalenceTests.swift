import Foundation
import Testing
@testable import Articles

/// The byte-level body reading and Markdown converter must give exactly what the String-based
/// versions they replaced gave (kept in ReferenceMarkdownText.swift), on generated documents
/// built from Markdown's and scrapers' awkward corners.
@Suite("Body reading agrees with the reference")
struct BodyEquivalenceTests {
    /// Pieces documents are made of: prose, inline syntax, block syntax, whitespace oddities,
    /// entities, non-ASCII, vendor footers and marketing lines.
    static let pieces: [String] = [
        "word", "Apple", " ", "  ", "\t", "\n", "\n", "\n", "\n\n", "\n   \n", "\n\t\n", ".", "!", "?", ",",
        "# ", "## ", "###### ", "####### ", "#", "#\u{301}x", " # ", "```", "~~~", "````\n", "> ", ">> ", "- ", "* ", "+ ", "1. ", "12) ", "- [ ] ", "- [x] ",
        "[", "]", "(", ")", "![", "[^", "[^1]", "[link](http://x.y)", "[ref][r]", "![img](a.png)", "[a [b] c](u)",
        "<", ">", "<a href='x'>", "</b>", "<https://x.y/z>", "<!-- c -->", "<?x?>", "<3", "a<b>c",
        "`", "``", "`code`", "``a ` b``", "*", "**", "_", "__", "~~", "~", "*em*", "**strong**", "snake_case_name", "_x_",
        "&amp;", "&#9;", "&#x41;", "&NewLine;", "&Tab;", "&bogus;", "&", "&#", "&#x;", "&#128;", "&#0;", "&lt;script&gt;",
        "\\", "\\*", "\\_", "\\a", "\\`", "é", "日本", "“quoted”", "€", "\u{A0}", "\r", "\u{C}",
        "|", "| a | b |", "|---|:--:|", "---", "***", "___", "===", "- - -", "[1]: http://x", "[label]: <u>",
        "S&P 500", "$78.82 million", "(NYSE: X)",
        "Request a DemoOverall Sentiment", "mildly positive", "Sentiment Score", "0.20", "-0.35", "Ticker Sentiment", "AAPL",
        "Overall Sentiment", "Bullish", "Advertisement", "Subscribe to our newsletter", "  request a demo  ",
        "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
        "Share this article", "Sponsored content", "Book a demo",
        String(repeating: "long prose ", count: 19), String(repeating: "x", count: 199), String(repeating: "y", count: 200), String(repeating: "z", count: 201),
    ]

    static func document(_ rng: inout SplitMix) -> String {
        var s = ""
        for _ in 0..<(1 + rng.below(40)) { s += rng.pick(pieces); if rng.chance(40) { s += " " } }
        return s
    }

    @Test func markdownConverterAgrees() {
        var rng = SplitMix(seed: 99)
        for _ in 0..<6000 {
            let doc = Array(Self.document(&rng).utf8)
            let new = MarkdownText.convert(doc)
            let old = ReferenceMarkdownText.convert(doc)
            #expect(new.text == old.lines.joined(separator: "\n"), "text differs for \(String(decoding: doc, as: UTF8.self).debugDescription)")
            #expect(new.lines == old.lines)
            #expect(new.leadingHeading?.level == old.leadingHeading?.level && new.leadingHeading?.text == old.leadingHeading?.text,
                    "leading heading differs for \(String(decoding: doc, as: UTF8.self).debugDescription)")
        }
    }

    @Test func inlineAndCollapseAgree() {
        var rng = SplitMix(seed: 5)
        for _ in 0..<4000 {
            let doc = Array(Self.document(&rng).utf8)
            #expect(MarkdownText.inline(doc) == ReferenceMarkdownText.inline(doc))
        }
    }

    @Test func bodyReadingAgrees() {
        var rng = SplitMix(seed: 11)
        for k in 0..<5000 {
            let prefix = k % 3 == 0 ? "" : "---\ntitle: x\n---\n"
            let bytes = Array((prefix + Self.document(&rng) + (rng.chance(50) ? "\n" : "")).utf8)
            let title: String? = k % 2 == 0 ? nil : "Given"
            for format in [BodyFormat.markdown, .plain] {
                let new = DocumentBody.read(bytes, from: prefix.utf8.count, title: title, format: format)
                let old = ReferenceDocumentBody.read(bytes, from: prefix.utf8.count, title: title, format: format)
                #expect(new == old, "\(format) body differs for \(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }

    /// A realistic article (front matter, headings, links, a scraped footer) through the whole parse.
    @Test func realisticArticleReadsAsBefore() {
        let text = """
        ---
        title: "Westfield Mining: \\"sluggish\\" quarter"
        date: 2024-02-03
        tickers: [WFM]
        ---

        ## Outlook

        Willow Insurance is in talks to acquire [Redwood Motors](https://x.example/r) for $78.82 million. The S&P 500 fell *3.9%*.

        > “We delivered,” the chief financial officer said.

        Request a DemoOverall Sentiment
        mildly positive
        Sentiment Score
        0.20
        """
        let bytes = Array(text.utf8)
        guard case .found(_, _, let start, _) = FrontMatter.split(bytes) else { Issue.record("no front matter"); return }
        let new = DocumentBody.read(bytes, from: start, title: "T", format: .markdown)
        #expect(new == ReferenceDocumentBody.read(bytes, from: start, title: "T", format: .markdown))
        #expect(new.paragraphs == ["Outlook", "Willow Insurance is in talks to acquire Redwood Motors for $78.82 million. The S&P 500 fell 3.9%.",
                                   "“We delivered,” the chief financial officer said."])
        #expect(new.vendorSentiment?.score == 0.20)
    }
}
