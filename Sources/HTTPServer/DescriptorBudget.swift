#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fits `maxConnections` to the process's descriptor limit (`ulimit -n`).
///
/// Every connection holds a descriptor. When `maxConnections` exceeds what
/// the limit allows, `accept` fails with EMFILE before the limit is reached,
/// the listener pauses, and newcomers wait in the backlog until a connection
/// closes (up to the header timeout) instead of getting the fast 503 the
/// limit promises. Capping admitted connections at half of what is left after
/// a reserve keeps descriptors for the 503 refusals, the listener, logs and
/// reading the corpus on reload.
public enum DescriptorBudget {
    /// Descriptors kept for everything that is not a client connection.
    public static let reserve = 32

    /// The connection limit to use under a descriptor limit of `descriptorLimit`
    /// (nil: unlimited or unknown).
    public static func maxConnections(configured: Int, descriptorLimit: Int?) -> Int {
        guard let descriptorLimit else { return configured }
        let left = descriptorLimit - reserve - bodyFiles(descriptorLimit: descriptorLimit)
        return min(configured, max(1, left / 2))
    }

    /// How many cached bodies may be held as `ResponseBodyFile`s (one
    /// descriptor each): 32, or none under a limit below 1,024, where every
    /// descriptor is better spent on a connection.
    public static func bodyFiles(descriptorLimit: Int?) -> Int {
        guard let descriptorLimit else { return 32 }
        return descriptorLimit < 1024 ? 0 : 32
    }

    /// The soft `RLIMIT_NOFILE` of this process, nil if unlimited or unreadable.
    public static func currentDescriptorLimit() -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
            guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        #else
            guard getrlimit(RLIMIT_NOFILE, &limit) == 0 else { return nil }
        #endif
        return limit.rlim_cur >= rlim_t(Int32.max) ? nil : Int(limit.rlim_cur)
    }
}
