import Dispatch

/// Wall-clock milliseconds of each load phase, in the order they ran.
///
/// Logged with "model loaded" (`phases_ms`) so an operator whose corpus loads
/// slowly can see whether reading, extraction or the search index is the
/// cost, without a profiler. Not part of the model's content: two loads of
/// the same corpus have the same version and different timings.
public struct LoadTimings: Sendable, Equatable {
    public private(set) var phases: [(name: String, milliseconds: Int)] = []
    /// Cache hits, misses and the extraction phase's time.
    public internal(set) var extraction = ExtractionStatistics()
    private var last = DispatchTime.now().uptimeNanoseconds

    public init() {}

    /// Ends the phase that began at the previous mark (or at `init`).
    mutating func mark(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Int((now - last) / 1_000_000)))
        last = now
    }

    /// "read=12 passages=40 extract=900 merge=30 index=200".
    public var summary: String {
        phases.map { "\($0.name)=\($0.milliseconds)" }.joined(separator: " ")
    }

    public static func == (a: LoadTimings, b: LoadTimings) -> Bool { a.summary == b.summary }
}
