import Articles
import Briefing

/// A ticker's sentiment over time as inline SVG: no script, no external file, styled by the
/// page's stylesheet (so it follows the light/dark scheme and the palette).
///
/// The scale is fixed from −1 to +1, so two tickers' lines compare at a glance and a small wobble
/// never looks like a crash. Days sit on a time axis (a gap in coverage shows as a gap). The
/// lowest, highest and latest points are marked and labelled with their scores; the same facts
/// are in the `<title>`/`<desc>` for screen readers. Only numbers, dates and the escaped symbol
/// go into the markup.
enum Sparkline {
    // The drawing's coordinate system; the SVG scales to its box, and the label size was chosen
    // to stay readable both at a phone's width (scale ≈ 0.95) and capped on a desktop (≈ 1.35).
    static let width = 360.0, height = 172.0
    static let left = 34.0, right = 14.0, top = 24.0, bottom = 46.0

    static func x(_ n: Int, first: Int, span: Int) -> Double {
        let w = width - left - right
        return span == 0 ? left + w / 2 : left + w * Double(n - first) / Double(span)
    }

    static func y(_ score: Double) -> Double {
        top + (height - top - bottom) * (1 - min(1, max(-1, score))) / 2
    }

    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Baseline of a mark's label: above the point, or below it clear of the mark.
    static func labelY(_ y: Double, above: Bool) -> Double { above ? y - 10 : y + 20 }

    static let monthsShort = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static func shortDate(_ d: Day) -> String { "\(d.day) \(monthsShort[d.month - 1])" }

    /// The full chart for a ticker page. `id` makes the title/desc ids unique on the page.
    static func chart(_ history: TickerHistory, id: String) -> String {
        let days = history.days
        let numbers = days.map { Formatting.daysSinceEpoch($0.day) }
        let first = numbers.first ?? 0, span = (numbers.last ?? 0) - first
        let points = zip(days, numbers).map { (day: $0, x: x($1, first: first, span: span), y: y($0.sentiment.score)) }
        let latest = points.count - 1
        // First lowest and first highest, so ties resolve the same way on every build.
        var lo = 0, hi = 0
        for (i, p) in points.enumerated() {
            if p.day.sentiment.score < points[lo].day.sentiment.score { lo = i }
            if p.day.sentiment.score > points[hi].day.sentiment.score { hi = i }
        }
        let symbol = HTMLText.escape(history.symbol)
        let latestDay = days[latest]
        var desc = "\(days.count) day\(days.count == 1 ? "" : "s") from \(Formatting.longDate(days[0].day)) to \(Formatting.longDate(latestDay.day)). "
        desc += "Latest \(Formatting.score(latestDay.sentiment.score)) (\(latestDay.sentiment.label.rawValue))"
        if days.count > 1 {
            desc += ", lowest \(Formatting.score(days[lo].sentiment.score)) on \(shortDate(days[lo].day))"
            desc += ", highest \(Formatting.score(days[hi].sentiment.score)) on \(shortDate(days[hi].day))"
        }
        desc += ". Scale from −1 to +1."

        var s = "<svg class=\"sparkline\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
        s += "aria-labelledby=\"\(id)-title \(id)-desc\">"
        s += "<title id=\"\(id)-title\">Sentiment of \(symbol) by day</title>"
        s += "<desc id=\"\(id)-desc\">\(HTMLText.escape(desc))</desc>"
        // Scale: −1, 0 and +1 with labels, and faint lines at the label thresholds ±0.35.
        for (v, label) in [(1.0, "+1"), (0.0, "0"), (-1.0, "−1")] {
            s += "<line class=\"spark-grid\(v == 0 ? " spark-zero" : "")\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\"/>"
            s += "<text class=\"spark-axis\" x=\"\(f(left - 6))\" y=\"\(f(y(v) + 4))\" text-anchor=\"end\">\(label)</text>"
        }
        for v in [0.35, -0.35] {
            s += "<line class=\"spark-band\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\"/>"
        }
        if points.count > 1 {
            s += "<polyline class=\"spark-line\" points=\"" + points.map { "\(f($0.x)),\(f($0.y))" }.joined(separator: " ") + "\"/>"
        }
        for (i, p) in points.enumerated() where i != latest && i != lo && i != hi {
            s += "<circle class=\"spark-dot spark-\(p.day.sentiment.label.slug)\" cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"2.5\"/>"
        }
        // Marks and labels: min below its point, max above, latest wherever there is room.
        var marks: [(index: Int, names: [String], above: Bool)] = []
        if points.count > 1 && hi != lo {
            marks.append((hi, hi == latest ? ["latest", "high"] : ["high"], true))
            marks.append((lo, lo == latest ? ["latest", "low"] : ["low"], false))
        }
        if !marks.contains(where: { $0.index == latest }) {
            // Above or below the point, whichever keeps further from the high/low labels near it.
            let p = points[latest]
            func clearance(_ ty: Double) -> Double {
                marks.filter { abs(points[$0.index].x - p.x) < 140 }
                    .map { abs(labelY(points[$0.index].y, above: $0.above) - ty) }.min() ?? .infinity
            }
            let up = clearance(labelY(p.y, above: true)), down = clearance(labelY(p.y, above: false))
            marks.append((latest, ["latest"], up > down || (up == down && p.y > top + 24)))
        }
        for mark in marks {
            let p = points[mark.index]
            let isLatest = mark.index == latest
            s += "<circle class=\"spark-mark spark-\(p.day.sentiment.label.slug)\(isLatest ? " spark-latest" : "")\" cx=\"\(f(p.x))\" cy=\"\(f(p.y))\" r=\"\(isLatest ? "5" : "4")\"/>"
            let plotWidth = width - left - right
            let anchor = p.x > left + plotWidth * 0.78 ? "end" : (p.x < left + plotWidth * 0.22 ? "start" : "middle")
            let ty = labelY(p.y, above: mark.above)
            let text = mark.names.joined(separator: ", ") + " " + Formatting.score(p.day.sentiment.score)
            s += "<text class=\"spark-label\(isLatest ? " spark-label-latest" : "")\" x=\"\(f(p.x))\" y=\"\(f(ty))\" text-anchor=\"\(anchor)\">\(text)</text>"
        }
        // Dates of the first and last points under the axis.
        let dateY = height - 6
        if points.count == 1 {
            s += "<text class=\"spark-axis\" x=\"\(f(points[0].x))\" y=\"\(f(dateY))\" text-anchor=\"middle\">\(shortDate(days[0].day))</text>"
        } else {
            s += "<text class=\"spark-axis\" x=\"\(f(left))\" y=\"\(f(dateY))\" text-anchor=\"start\">\(shortDate(days[0].day))</text>"
            s += "<text class=\"spark-axis\" x=\"\(f(width - right))\" y=\"\(f(dateY))\" text-anchor=\"end\">\(shortDate(latestDay.day))</text>"
        }
        s += "</svg>"
        return s
    }

    /// A small line for the ticker index: same fixed scale, no labels (the row says it in words).
    static func mini(_ history: TickerHistory) -> String {
        let w = 96.0, h = 32.0, pad = 3.5
        let numbers = history.days.map { Formatting.daysSinceEpoch($0.day) }
        let first = numbers.first ?? 0, span = (numbers.last ?? 0) - first
        func px(_ n: Int) -> Double { span == 0 ? w / 2 : pad + (w - 2 * pad) * Double(n - first) / Double(span) }
        func py(_ v: Double) -> Double { pad + (h - 2 * pad) * (1 - min(1, max(-1, v))) / 2 }
        var s = "<svg class=\"sparkline-mini\" viewBox=\"0 0 \(f(w)) \(f(h))\" aria-hidden=\"true\" focusable=\"false\">"
        s += "<line class=\"spark-zero\" x1=\"0\" x2=\"\(f(w))\" y1=\"\(f(py(0)))\" y2=\"\(f(py(0)))\"/>"
        let pts = zip(history.days, numbers).map { (px($1), py($0.sentiment.score)) }
        if pts.count > 1 {
            s += "<polyline class=\"spark-line\" points=\"" + pts.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ") + "\"/>"
        }
        let last = pts[pts.count - 1]
        s += "<circle class=\"spark-mark spark-latest spark-\(history.latest.sentiment.label.slug)\" cx=\"\(f(last.0))\" cy=\"\(f(last.1))\" r=\"3\"/>"
        s += "</svg>"
        return s
    }
}
