import Foundation
import Analysis

/// The brief as JSON, the shape `bellwether brief --format json` prints and `api/DAY.json` holds:
/// `{"title","date","source","url","sentiment":{"score","label"},
///   "tickers":[{"symbol","relevance","score","label"}],"key_points":[{"text","score","label"}], …}`.
/// Keys are sorted and numbers rounded so the same brief always gives the same bytes.
public enum BriefJSON {
    public static func object(_ brief: Brief) -> JSONValue {
        let a = brief.analysis
        var o: [String: JSONValue] = [
            "title": .string(brief.title),
            "date": .string(BriefDates.iso(brief)),
            "day": .string(brief.day.description),
            "source": brief.source.map(JSONValue.string) ?? .null,
            "url": brief.link.map(JSONValue.string) ?? .null,
            "slug": .string(brief.slug),
            "sentiment": sentiment(a.sentiment),
            "tickers": .array(a.tickers.map { t in
                .object(["symbol": .string(t.symbol), "relevance": .number(t.relevance),
                         "score": .number(t.sentiment.score), "label": .string(t.sentiment.label.rawValue)])
            }),
            "key_points": .array(a.keyPoints.map { k in
                var p: [String: JSONValue] = ["text": .string(k.text), "score": .number(k.sentiment.score),
                                              "label": .string(k.sentiment.label.rawValue)]
                if let tag = k.tag { p["tag"] = .string(tag.rawValue) }
                return .object(p)
            }),
            "key_figures": .array(a.keyFigures.map { .object(["figure": .string($0.figure), "context": .string($0.context)]) }),
            "evidence": .array(a.evidence.map { .object(["phrase": .string($0.phrase), "contribution": .number($0.contribution)]) }),
        ]
        if let v = brief.vendorSentiment {
            o["vendor_sentiment"] = .object([
                "score": v.score.map(JSONValue.number) ?? .null,
                "label": v.label.map(JSONValue.string) ?? .null,
            ])
        }
        return .object(o)
    }

    static func sentiment(_ s: Sentiment) -> JSONValue {
        .object(["score": .number(s.score), "label": .string(s.label.rawValue)])
    }

    public static func encode(_ brief: Brief) -> String { object(brief).serialized() }
}

/// Dates as the outputs show them.
public enum BriefDates {
    /// ISO 8601 with the offset the article was written with (UTC when unknown);
    /// the bare day when only the day is known.
    public static func iso(_ brief: Brief) -> String {
        guard let date = brief.published else { return brief.day.description }
        return iso8601(date, offset: brief.publishedOffset ?? 0)
    }

    public static func iso8601(_ date: Date, offset: Int) -> String {
        let shifted = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Int((Double(shifted) / 86400).rounded(.down))
        let secs = shifted - days * 86400
        let (y, m, d) = civil(fromDays: days)
        func p(_ n: Int, _ w: Int = 2) -> String { let s = String(n); return String(repeating: "0", count: max(0, w - s.count)) + s }
        let sign = offset < 0 ? "-" : "+"
        let off = abs(offset)
        let zone = offset == 0 ? "Z" : "\(sign)\(p(off / 3600)):\(p(off % 3600 / 60))"
        return "\(p(y, 4))-\(p(m))-\(p(d))T\(p(secs / 3600)):\(p(secs % 3600 / 60)):\(p(secs % 60))\(zone)"
    }

    /// Days since 1970-01-01 → civil date (Howard Hinnant's algorithm): no Calendar, no local zone.
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
