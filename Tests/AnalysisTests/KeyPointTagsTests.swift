import Testing
@testable import Analysis

/// The risk / catalyst / outlook / result marks on key points: given only when clear.
@Suite struct KeyPointTagsTests {
    @Test func risks() {
        #expect(KeyPointTags.tag("Key risks are regulatory and supply-side: tightened export controls can unwind enthusiasm.") == .risk)
        #expect(KeyPointTags.tag("The forecasts come with caveats: tariffs have pushed up prices by 4% to 6%.") == .risk)
    }

    @Test func catalysts() {
        #expect(KeyPointTags.tag("Pilot approvals or a marquee token issuance are 3–9 month catalysts.") == .catalyst)
        #expect(KeyPointTags.tag("The bank reports fourth-quarter results on Jan. 13.") == .catalyst)
        #expect(KeyPointTags.tag("JPMorgan said it will hold its annual investor day on May 18.") == .catalyst)
    }

    @Test func outlooks() {
        #expect(KeyPointTags.tag("The company now expects Permian output to reach 1.8 million barrels a day by 2030.") == .outlook)
        #expect(KeyPointTags.tag("Intel lowered its fourth-quarter revenue forecast to $12.6 billion.") == .outlook)
    }

    @Test func results() {
        #expect(KeyPointTags.tag("Revenue rose 48% to a record $84.2 billion, ahead of the $81.9 billion analysts had expected.") == .result)
        // The expectation is only the yardstick here.
        #expect(KeyPointTags.tag("Baidu reported shrinking revenue, but cloud sales grew faster than expected and profit beat forecasts.") == .result)
    }

    @Test func unclearSentencesGetNoTag() {
        // A share-price move is the market's reaction, not the company's result.
        #expect(KeyPointTags.tag("Nvidia shares fell 7.2% on Monday, erasing most of last week's post-earnings rally.") == nil)
        #expect(KeyPointTags.tag("Winners are the stack providers who control runtimes, custody and settlement.") == nil)
        // A result without a number or a reporting verb is colour.
        #expect(KeyPointTags.tag("Sales rose in the north.") == nil)
    }
}
