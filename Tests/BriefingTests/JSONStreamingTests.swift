import Testing
@testable import Briefing

/// Large documents are written piecewise into one string; the text must be exactly what
/// serializing the whole tree gives.
struct JSONStreamingTests {
    @Test func writtenArrayEqualsSerializedTree() {
        let items: [[String]] = [[], ["a"], ["quote \" and \\ slash /", "line\nbreak", "é ü 中"], ["x", "y"]]
        let element: ([String]) -> JSONValue = { .array($0.map(JSONValue.string)) }
        for n in 0...items.count {
            var out = "prefix "
            JSONValue.writeArray(items.prefix(n), into: &out, element: element)
            #expect(out == "prefix " + JSONValue.array(items.prefix(n).map(element)).serialized())
        }
    }

    @Test func serializeIntoAppends() {
        let value = JSONValue.object(["b": .number(1.5), "a": .array([.null, .bool(true)])])
        var out = "x = "
        value.serialize(into: &out)
        #expect(out == "x = " + value.serialized())
        #expect(out == #"x = {"a":[null,true],"b":1.5}"#)
    }
}
