/// A value a template renders: the data model of the engine.
///
/// Templates see JSON-shaped data plus lambdas. Keeping the model a closed enum (rather than
/// `Any`) means rendering never needs a dynamic cast, the data can cross threads (`Sendable`),
/// and every rule about truthiness and formatting lives in one place.
public enum MustacheValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([MustacheValue])
    case object([String: MustacheValue])
    /// Code in the data, per the spec's optional `~lambdas` module.
    case lambda(MustacheLambda)
}

extension MustacheValue {
    /// Whether a section `{{#x}}` renders (and `{{^x}}` does not).
    ///
    /// The spec fixes `false`, `null`, a missing key and an empty list as falsey and leaves the
    /// rest to the engine. Our policy (see docs/mustache.md) follows mustache.js, the reference
    /// JavaScript engine: `""`, `0` and `0.0` are falsey too, so `{{#subtitle}}` can guard an
    /// optional field without a separate flag; an empty object is truthy, as in JavaScript.
    @inlinable
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0 && !d.isNaN
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object: return true
        case .lambda: return true
        }
    }

    /// The text `{{x}}` shows for a scalar, before escaping; `nil` for arrays, objects and
    /// lambdas, which the renderer treats on their own.
    ///
    /// Integers print without ".0"; doubles print in the shortest form that reads back as the
    /// same number, the way JavaScript prints them (`1.21`, `3`, `1e-7`), so data decoded from
    /// JSON renders as it was written.
    public var scalarText: String? {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return NumberFormatting.shortest(d)
        case .string(let s): return s
        case .array, .object, .lambda: return nil
        }
    }

    /// The value under `key` when this is an object; `nil` otherwise or when the key is absent.
    @inlinable
    public subscript(key: String) -> MustacheValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

extension MustacheValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) { self = .array(elements) }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    /// Later duplicates win, as in JSON decoding.
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        var o: [String: MustacheValue] = [:]
        o.reserveCapacity(elements.count)
        for (k, v) in elements { o[k] = v }
        self = .object(o)
    }
}

extension MustacheValue: Equatable {
    /// Structural equality; lambdas are never equal (closures have no identity to compare).
    public static func == (lhs: MustacheValue, rhs: MustacheValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a == b
        default: return false
        }
    }
}
