#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `Date` header value (IMF-fixdate), formatted at most once a second.
///
/// Each event loop owns one, so reading it needs no lock: `time(2)` is a vDSO
/// call, and formatting happens only when the second changes.
struct DateCache {
    private var second: time_t = -1
    private(set) var bytes: [UInt8] = []

    /// The current value, refreshed if the wall clock moved to a new second.
    mutating func current() -> [UInt8] {
        let now = time(nil)
        if now != second {
            second = now
            bytes = Self.format(now)
        }
        return bytes
    }

    private static let days: [StaticString] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months: [StaticString] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]

    /// `Sun, 06 Nov 1994 08:49:37 GMT`, built byte by byte (no `DateFormatter`).
    static func format(_ seconds: time_t) -> [UInt8] {
        var t = seconds
        var tm = tm()
        gmtime_r(&t, &tm)
        var out = [UInt8]()
        out.reserveCapacity(29)
        func appendLiteral(_ s: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }
        func appendTwoDigits(_ n: Int32) {
            out.append(UInt8(ascii: "0") + UInt8(n / 10))
            out.append(UInt8(ascii: "0") + UInt8(n % 10))
        }
        appendLiteral(days[Int(tm.tm_wday)])
        appendLiteral(", ")
        appendTwoDigits(tm.tm_mday)
        out.append(ASCII.space)
        appendLiteral(months[Int(tm.tm_mon)])
        out.append(ASCII.space)
        let year = tm.tm_year + 1900
        appendTwoDigits(year / 100)
        appendTwoDigits(year % 100)
        out.append(ASCII.space)
        appendTwoDigits(tm.tm_hour)
        out.append(ASCII.colon)
        appendTwoDigits(tm.tm_min)
        out.append(ASCII.colon)
        appendTwoDigits(tm.tm_sec)
        appendLiteral(" GMT")
        return out
    }
}
