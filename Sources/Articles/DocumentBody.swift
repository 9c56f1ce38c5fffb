/// The body of a Markdown or text file (everything after the front matter): vendor footer and
/// marketing lines cut, outer blank lines trimmed, then the text a reader sees (`body`) and the
/// paragraphs analysis reads.
///
/// Works on byte ranges of the file, not on a String per line: this runs on every article of
/// every nightly build, and the only strings it makes are the ones the article keeps.
enum DocumentBody {
    struct Read: Equatable {
        /// The title given, or the one the body supplies (a leading `# Heading`, or a
        /// headline-like first line of plain text).
        var title: String?
        var body: String
        /// Cleaned paragraphs (headings, list items… one per element) for analysis.
        var paragraphs: [String]
        var vendorSentiment: VendorSentiment?
    }

    static func read(_ bytes: [UInt8], from bodyStart: Int, title: String?, format: BodyFormat) -> Read {
        let (cleaned, sentiment) = bytes.withUnsafeBufferPointer { VendorFooter.clean($0, lines: PlainText.lineRanges($0, from: bodyStart)) }
        var result = Read(title: title, body: "", paragraphs: [], vendorSentiment: sentiment)
        var lines = cleaned
        func isBlank(_ r: Range<Int>) -> Bool { bytes[r].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        func string(_ r: Range<Int>) -> String { String(validUTF8: bytes, r) }
        while let f = lines.first, isBlank(f) { lines.removeFirst() }
        while let l = lines.last, isBlank(l) { lines.removeLast() }

        switch format {
        case .markdown:
            let text = joined(bytes, lines)
            var converted = MarkdownText.convert(text)
            // A leading `# Heading` is the title when the front matter has none; it is then
            // removed from the body so the page does not show it twice.
            if title == nil, let h = converted.leadingHeading, h.level == 1 {
                result.title = h.text
                if let first = lines.firstIndex(where: { !isBlank($0) }), string(lines[first]).hasPrefix("#") {
                    lines.remove(at: first)
                    while let f = lines.first, isBlank(f) { lines.removeFirst() }
                }
                if converted.lines.first == h.text { converted.lines.removeFirst() }
                result.body = String(validUTF8: joined(bytes, lines))
            } else {
                result.body = String(validUTF8: text)
            }
            result.paragraphs = converted.lines
        case .plain:
            var lines = lines.map(string)
            if title == nil, let first = lines.first {
                let next = lines.dropFirst().first { !PlainText.isBlank($0) }
                if PlainText.isHeadline(first, next: next) {
                    result.title = MarkdownText.collapse(Array(first.utf8))
                    lines.removeFirst()
                }
            }
            result.paragraphs = PlainText.paragraphs(lines)
            result.body = result.paragraphs.joined(separator: "\n\n")
        }
        return result
    }

    /// The lines with `\n` between them, as one byte array.
    static func joined(_ bytes: [UInt8], _ lines: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity((lines.last?.upperBound ?? 0) - (lines.first?.lowerBound ?? 0))
        for (n, r) in lines.enumerated() {
            if n > 0 { out.append(0x0A) }
            out.append(contentsOf: bytes[r])
        }
        return out
    }
}
