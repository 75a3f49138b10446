/// What one load did with the extraction cache, for `/readyz`, `/metrics`
/// and the "model loaded" log line.
public struct ExtractionStatistics: Sendable, Equatable, Codable {
    /// Documents whose results came from the cache.
    public var hits: Int
    /// Documents extracted because no entry had their key.
    public var misses: Int
    /// Documents extracted because their entry was corrupt, truncated or
    /// foreign (each reported by the cache); counted apart from `misses`.
    public var rejected: Int
    /// Documents extracted with no cache configured.
    public var uncached: Int
    /// Documents a reload took unchanged from the model it replaces
    /// (neither read from the cache nor extracted).
    public var reused: Int
    /// Wall-clock milliseconds of the load's per-document phase (reading
    /// entries and extracting the rest).
    public var milliseconds: Int
    public var cacheEnabled: Bool

    /// Documents whose extraction ran in this load.
    public var extracted: Int { misses + rejected + uncached }

    enum Outcome: Sendable {
        case hit, miss, rejected, extracted, reused
    }

    public init(
        hits: Int = 0, misses: Int = 0, rejected: Int = 0, uncached: Int = 0, reused: Int = 0, milliseconds: Int = 0,
        cacheEnabled: Bool = false
    ) {
        self.hits = hits
        self.reused = reused
        self.misses = misses
        self.rejected = rejected
        self.uncached = uncached
        self.milliseconds = milliseconds
        self.cacheEnabled = cacheEnabled
    }

    init(outcomes: [Outcome], milliseconds: Int, cacheEnabled: Bool) {
        self.init(milliseconds: milliseconds, cacheEnabled: cacheEnabled)
        for outcome in outcomes {
            switch outcome {
            case .hit: hits += 1
            case .miss: misses += 1
            case .rejected: rejected += 1
            case .extracted: uncached += 1
            case .reused: reused += 1
            }
        }
    }
}
