/// What analysis needs of an article: no file, no format, just text.
public struct AnalysisInput: Sendable, Hashable {
    public var title: String
    /// Plain text, paragraphs separated by newlines.
    public var text: String
    /// Tickers the input declared (front matter, feed), upper-cased.
    public var declaredTickers: [String]
    public init(title: String, text: String, declaredTickers: [String] = []) {
        self.title = title; self.text = text; self.declaredTickers = declaredTickers
    }
}

public struct AnalysisOptions: Sendable, Hashable {
    /// How many key points to pick per article.
    public var keyPoints: Int
    /// Extra company-name → ticker aliases supplied by the user, on top of the bundled table.
    public var extraAliases: [String: String]
    public init(keyPoints: Int = 3, extraAliases: [String: String] = [:]) {
        self.keyPoints = keyPoints; self.extraAliases = extraAliases
    }
}

/// A phrase that moved a score, with its signed contribution.
public struct Evidence: Sendable, Hashable, Codable {
    public var phrase: String
    public var contribution: Double
    public init(phrase: String, contribution: Double) { self.phrase = phrase; self.contribution = contribution }
}

/// One extracted key point: a verbatim sentence of the article with its own sentiment.
public struct KeyPoint: Sendable, Hashable, Codable {
    public enum Tag: String, Sendable, Hashable, Codable { case risk, catalyst, outlook, result }
    public var text: String
    public var sentiment: Sentiment
    public var tag: Tag?
    /// Index of the sentence in the article, for ordering.
    public var sentenceIndex: Int
    public init(text: String, sentiment: Sentiment, tag: Tag? = nil, sentenceIndex: Int) {
        self.text = text; self.sentiment = sentiment; self.tag = tag; self.sentenceIndex = sentenceIndex
    }
}

/// A number that matters, with a few words of context ("15–30% incremental capacity demand").
public struct KeyFigure: Sendable, Hashable, Codable {
    public var figure: String
    public var context: String
    public init(figure: String, context: String) { self.figure = figure; self.context = context }
}

/// A ticker's place in one article.
public struct TickerSentiment: Sendable, Hashable, Codable {
    public var symbol: String
    /// How central the ticker is to the article, in [0, 1].
    public var relevance: Double
    public var sentiment: Sentiment
    public init(symbol: String, relevance: Double, sentiment: Sentiment) {
        self.symbol = symbol; self.relevance = relevance; self.sentiment = sentiment
    }
}

/// Everything analysis says about one article.
public struct ArticleAnalysis: Sendable, Hashable, Codable {
    public var sentiment: Sentiment
    public var evidence: [Evidence]
    public var keyPoints: [KeyPoint]
    public var keyFigures: [KeyFigure]
    public var tickers: [TickerSentiment]
    public init(sentiment: Sentiment, evidence: [Evidence], keyPoints: [KeyPoint],
                keyFigures: [KeyFigure], tickers: [TickerSentiment]) {
        self.sentiment = sentiment; self.evidence = evidence; self.keyPoints = keyPoints
        self.keyFigures = keyFigures; self.tickers = tickers
    }
}
