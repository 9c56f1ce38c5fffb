/// A Swift closure placed in the data, for the spec's optional `~lambdas` module.
///
/// The spec calls a lambda with no argument when it fills a tag (`{{lambda}}`) and with the
/// raw, unrendered section text when it opens a section (`{{#lambda}}…{{/lambda}}`). The value
/// it returns is rendered as a template: with the default delimiters for a tag, with the
/// delimiters in force for a section. A lambda is called again on every use, never cached.
/// Closures must be `@Sendable` because a template may render on several threads at once.
public struct MustacheLambda: Sendable {
    enum Body: Sendable {
        case plain(@Sendable () -> MustacheValue)
        case section(@Sendable (String) -> MustacheValue)
    }
    let body: Body

    /// A lambda for `{{name}}` tags. Used as a section, its result stands in for the section's
    /// value (truthiness, context push) as any other value would.
    public init(_ body: @escaping @Sendable () -> MustacheValue) { self.body = .plain(body) }

    /// A lambda for sections: receives the section's raw text. Used in a `{{name}}` tag it is
    /// called with the empty string.
    public init(section body: @escaping @Sendable (String) -> MustacheValue) { self.body = .section(body) }
}
