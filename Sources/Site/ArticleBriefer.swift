import Foundation
import Articles
import Analysis
import Briefing

/// One article through analysis into a brief. Shared by `build` and `brief` so both say the same.
struct ArticleBriefer: Sendable {
    let analyzer: Analyzer

    init(options: SiteOptions) {
        analyzer = Analyzer(options: AnalysisOptions(keyPoints: options.keyPoints, extraAliases: options.extraAliases))
    }

    func brief(_ article: Article) -> Brief {
        let analysis = analyzer.analyze(AnalysisInput(title: article.title, text: article.text,
                                                      declaredTickers: article.tickers))
        return Brief(article: article, slug: article.slug, analysis: analysis)
    }
}
