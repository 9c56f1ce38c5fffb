import Foundation
import Articles
import Analysis
@testable import Briefing

/// A brief with the given day, overall score and tickers (symbol, relevance, score): the facts
/// the site model works from, without running analysis.
func makeBrief(_ slug: String, day: String, score: Double, tickers: [(String, Double, Double)] = [],
               published: Date? = nil) -> Brief {
    let article = Article(path: "\(day)/\(slug).md", format: .markdown, title: slug.capitalized,
                          published: published, day: Day(day)!, body: "Text.", bodyFormat: .plain, slug: slug)
    let analysis = ArticleAnalysis(
        sentiment: Sentiment(score: score), evidence: [], keyPoints: [], keyFigures: [],
        tickers: tickers.map { TickerSentiment(symbol: $0.0, relevance: $0.1, sentiment: Sentiment(score: $0.2)) })
    return Brief(article: article, slug: slug, analysis: analysis)
}
