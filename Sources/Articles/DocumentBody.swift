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
        /// Cleaned paragraphs (headings, list items… one per line) for analysis, joined by `\n`.
        var text: String
        var vendorSentiment: VendorSentiment?

        var paragraphs: [String] { text.split(separator: "\n").map(String.init) }
    }

    static func read(_ bytes: [UInt8], from bodyStart: Int, title: String?, format: BodyFormat) -> Read {
        let (cleaned, sentiment) = bytes.withUnsafeBufferPointer { VendorFooter.clean($0, lines: PlainText.lineRanges($0, from: bodyStart)) }
        var result = Read(title: title, body: "", text: "", vendorSentiment: sentiment)
        var lines = cleaned
        func isBlank(_ r: Range<Int>) -> Bool { bytes[r].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        func string(_ r: Range<Int>) -> String { String(validUTF8: bytes, r) }
        while let f = lines.first, isBlank(f) { lines.removeFirst() }
        while let l = lines.last, isBlank(l) { lines.removeLast() }

        switch format {
        case .markdown:
            // Usually the kept lines are one stretch of the file (nothing was cut between
            // them): then that stretch is the text, without a copy.
            var contiguous = true
            for k in lines.indices.dropFirst() where lines[k].lowerBound != lines[k - 1].upperBound + 1 { contiguous = false; break }
            let span = contiguous && !lines.isEmpty ? lines.first!.lowerBound..<lines.last!.upperBound : nil
            let converted: MarkdownText.Converted
            if let span {
                converted = bytes.withUnsafeBufferPointer { MarkdownText.convert(UnsafeBufferPointer(rebasing: $0[span])) }
                result.body = String(validUTF8: bytes, span)
            } else {
                let text = joined(bytes, lines)
                converted = MarkdownText.convert(text)
                result.body = String(validUTF8: text)
            }
            result.text = converted.text
            // A leading `# Heading` is the title when the front matter has none; it is then
            // removed from the body so the page does not show it twice.
            if title == nil, let h = converted.leadingHeading, h.level == 1 {
                result.title = h.text
                if let first = lines.firstIndex(where: { !isBlank($0) }), string(lines[first]).hasPrefix("#") {
                    lines.remove(at: first)
                    while let f = lines.first, isBlank(f) { lines.removeFirst() }
                }
                // The heading is the first line (nothing precedes a leading heading).
                result.text = converted.droppingFirstLine
                result.body = String(validUTF8: joined(bytes, lines))
            }
        case .plain:
            var lines = lines.map(string)
            if title == nil, let first = lines.first {
                let next = lines.dropFirst().first { !PlainText.isBlank($0) }
                if PlainText.isHeadline(first, next: next) {
                    result.title = MarkdownText.collapse(first)
                    lines.removeFirst()
                }
            }
            let paragraphs = PlainText.paragraphs(lines)
            result.text = joined(paragraphs, separator: [0x0A])
            result.body = joined(paragraphs, separator: [0x0A, 0x0A])
        }
        return result
    }

    /// `strings.joined(separator:)` made in one buffer (the standard one grows its result
    /// string piece by piece).
    static func joined(_ strings: [String], separator: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(strings.reduce(0) { $0 + $1.utf8.count + separator.count })
        for (n, s) in strings.enumerated() {
            if n > 0 { out.append(contentsOf: separator) }
            var s = s
            s.withUTF8 { out.append(contentsOf: $0) }
        }
        return String(validUTF8: out)
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
