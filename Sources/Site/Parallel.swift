import Foundation

/// Order-preserving parallel map over all cores; the first error thrown wins.
enum Parallel {
    private final class Slots<T>: @unchecked Sendable {
        var items: [Result<T, Error>?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
    }

    static func map<T>(_ count: Int, _ body: (Int) throws -> T) throws -> [T] {
        let slots = Slots<T>(count)
        withoutActuallyEscaping(body) { body in
            let box = UncheckedSendable(body)
            slots.items.withUnsafeMutableBufferPointer { buffer in
                let out = UncheckedSendable(buffer)
                DispatchQueue.concurrentPerform(iterations: count) { i in
                    out.value[i] = Result { try box.value(i) }
                }
            }
        }
        return try slots.items.map { try $0!.get() }
    }
}

struct UncheckedSendable<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
