import Foundation

/// CPU time of this thread: the machine is shared, so wall time would measure the neighbours.
enum Clock {
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// The fastest of `reps` runs, after one warm-up run (lazy tables, caches).
    static func best(_ reps: Int, _ body: () -> Void) -> Double {
        body()
        var best = Double.infinity
        for _ in 0..<max(1, reps) {
            let t0 = cpuSeconds()
            body()
            best = min(best, cpuSeconds() - t0)
        }
        return best
    }

    /// Keeps a result alive so the optimiser cannot drop the work that produced it.
    nonisolated(unsafe) static var sink = 0
    @inline(never) static func keep(_ x: Int) { sink &+= x }
    @inline(never) static func keep(_ x: Double) { sink &+= Int(x * 1000) }
}
