/// JSON inputs: one article object, a list of them, or an Alpha Vantage–style
/// `{"feed": [...]}` with `time_published` as `YYYYMMDDTHHMMSS` and scores as strings.
extension ParseContext {
    mutating func parseJSON() {
        let root: JSONNode
        switch JSONReader.parse(bytes) {
        case .success(let r): root = r
        case .failure(let f):
            let (line, column) = JSONReader.lineColumn(f.offset, in: bytes)
            error(line, "invalid JSON at column \(column): \(f.message)")
            return
        }
        let lines = LineIndex(bytes)
        switch root.value {
        case .array(let items):
            if items.isEmpty { warning(1, "the JSON list is empty: no articles here"); return }
            for (k, item) in items.enumerated() { article(item, index: k + 1, lines: lines) }
        case .object:
            if let feed = root["feed"] {
                guard case .array(let items) = feed.value else {
                    error(lines.line(of: feed.offset), "\"feed\" must be a list of articles, found \(feed.value.kindName)")
                    return
                }
                if items.isEmpty { warning(lines.line(of: feed.offset), "the \"feed\" list is empty: no articles here"); return }
                for (k, item) in items.enumerated() { article(item, index: k + 1, lines: lines) }
            } else {
                article(root, index: nil, lines: lines)
            }
        default:
            error(1, "a JSON article file holds an object, a list of objects or {\"feed\": [...]}, found \(root.value.kindName)")
        }
    }

    static let bodyKeys = ["body", "text", "content", "summary", "description"]
    static let dateKeys = ["datetime", "date", "time_published", "published", "published_at", "pubDate"]
    static let handledKeys: Set<String> = Set(bodyKeys + dateKeys + ["title", "headline", "source", "url", "link", "author", "authors",
        "tickers", "symbols", "tags", "topics", "overall_sentiment_score", "overall_sentiment_label", "ticker_sentiment"])

    private mutating func article(_ node: JSONNode, index: Int?, lines: LineIndex) {
        let at = lines.line(of: node.offset)
        let which = index.map { "article \($0): " } ?? ""
        guard case .object(let members) = node.value else {
            error(at, "\(which)expected an article object { \"title\": …, \"body\": … }, found \(node.value.kindName)")
            return
        }
        var d = Draft(index: index, line: at, format: .json)
        var bad = false
        func line(_ n: JSONNode) -> Int { lines.line(of: n.offset) }
        func string(_ key: String) -> (String, Int)? {
            guard let n = node[key] else { return nil }
            switch n.value {
            case .string(let s): return (s, line(n))
            case .null: return nil
            default:
                error(line(n), "\(which)\"\(key)\" must be text in double quotes, found \(n.value.kindName)")
                bad = true
                return nil
            }
        }
        func number(_ key: String, in n: JSONNode) -> Double? {
            guard let v = n[key] else { return nil }
            switch v.value {
            case .number(let x): return x
            case .string(let s):
                if let x = Double(s.trimmingCharacters(in: .whitespaces)) { return x }
                warning(line(v), "\(which)\"\(key)\" is '\(s)', not a number; ignored")
                return nil
            case .null: return nil
            default:
                warning(line(v), "\(which)\"\(key)\" must be a number, found \(v.value.kindName); ignored")
                return nil
            }
        }
        func words(_ key: String) -> [String]? {
            guard let n = node[key] else { return nil }
            switch n.value {
            case .string(let s): return s.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .array(let items):
                var out: [String] = []
                for item in items {
                    switch item.value {
                    case .string(let s): out.append(s)
                    case .object where key == "topics":
                        if case .string(let t)? = item["topic"]?.value { out.append(t) }
                    default:
                        error(line(item), "\(which)\"\(key)\" must be a list of text values, found \(item.value.kindName) in it")
                        bad = true
                    }
                }
                return out
            case .null: return nil
            default:
                error(line(n), "\(which)\"\(key)\" must be a list like [\"A\", \"B\"], found \(n.value.kindName)")
                bad = true
                return nil
            }
        }

        d.title = (string("title") ?? string("headline"))?.0
        for key in ParseContext.dateKeys { if let (t, l) = string(key) { d.date = (t, l, key); break } }
        d.source = string("source")?.0
        if let (u, l) = string("url") ?? string("link") { d.url = u; d.urlLine = l }
        if let authors = words("authors") { d.author = authors.joined(separator: ", ") } else { d.author = string("author")?.0 }
        d.tags = words("tags") ?? words("topics") ?? []
        if let t = words("tickers") ?? words("symbols") { d.tickers = t; d.tickersLine = line(node["tickers"] ?? node["symbols"]!) }
        var bodyText: String?
        for key in ParseContext.bodyKeys { if let (t, _) = string(key), !t.isEmpty { bodyText = t; break } }

        // Alpha Vantage sentiment: scores arrive as strings; tickers come from ticker_sentiment.
        let score = number("overall_sentiment_score", in: node)
        let label = string("overall_sentiment_label")?.0
        var tickerScores: [String: Double] = [:]
        var relevance: [String: Double] = [:]
        if let ts = node["ticker_sentiment"] {
            if case .array(let items) = ts.value {
                for item in items {
                    guard case .string(let t)? = item["ticker"]?.value else {
                        warning(line(item), "\(which)a ticker_sentiment entry has no \"ticker\" text; ignored")
                        continue
                    }
                    let symbol = t.trimmingCharacters(in: .whitespaces).uppercased()
                    if !d.tickers.contains(where: { $0.uppercased() == symbol }) { d.tickers.append(t) }
                    if d.tickersLine == 1 { d.tickersLine = line(ts) }
                    if let s = number("ticker_sentiment_score", in: item) { tickerScores[symbol] = s }
                    if let r = number("relevance_score", in: item) { relevance[symbol] = r }
                }
            } else if case .null = ts.value {
            } else {
                error(line(ts), "\(which)\"ticker_sentiment\" must be a list of {\"ticker\": …} entries, found \(ts.value.kindName)")
                bad = true
            }
        }
        if bad { return }
        for (key, value) in members where !ParseContext.handledKeys.contains(key) {
            switch value.value {
            case .string(let s): d.extra[key] = s
            case .number(let x): d.extra[key] = x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
            case .bool(let b): d.extra[key] = b ? "true" : "false"
            default: break
            }
        }
        if let bodyText {
            let cleaned = VendorFooter.clean(PlainText.lines(Array(bodyText.utf8)))
            d.paragraphs = PlainText.paragraphs(cleaned.lines)
            if score == nil && label == nil && tickerScores.isEmpty { d.vendorSentiment = cleaned.sentiment }
        }
        if score != nil || label != nil || !tickerScores.isEmpty || !relevance.isEmpty {
            d.vendorSentiment = VendorSentiment(score: score, label: label, tickers: tickerScores, relevance: relevance)
        }
        d.body = d.paragraphs.joined(separator: "\n\n")
        finish(d)
    }
}
