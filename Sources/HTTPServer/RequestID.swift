#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Request ids: the client's `X-Request-Id` when it is sane, else one of ours.
///
/// Ours are a per-process random prefix, the event loop number and a counter
/// (`9f3c1a2b-1-2a`): unique within the process and across restarts, and
/// cheap, since each loop owns its counter and no lock or RNG is touched per request.
struct RequestIDGenerator {
    static let maxClientLength = 128
    private let prefix: String
    private var counter: UInt64 = 0

    init(processPrefix: String, loopIndex: Int) {
        self.prefix = processPrefix + "-" + String(loopIndex, radix: 16) + "-"
    }

    /// Eight random hex digits, drawn once per server.
    static func makeProcessPrefix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = UInt32.random(in: .min ... .max, using: &generator)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    mutating func next() -> String {
        counter &+= 1
        return prefix + String(counter, radix: 16)
    }

    /// A client id is echoed only if it is 1...128 visible ASCII characters:
    /// anything else could smuggle CR/LF or garbage into our logs and headers.
    static func sanitizedClientID(_ value: String) -> String? {
        let utf8 = value.utf8
        guard !utf8.isEmpty, utf8.count <= maxClientLength else { return nil }
        for byte in utf8 where !ASCII.isVisible(byte) { return nil }
        return value
    }
}
