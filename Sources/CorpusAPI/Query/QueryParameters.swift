import HTTPServer

/// The query of one request, checked against what its endpoint accepts.
///
/// Unknown parameters are an error (a dashboard that misspells `catgory`
/// would otherwise get unfiltered data and never know); names starting with
/// `_` (cache busters such as `_=1700000000`) are ignored.
public struct QueryParameters: Sendable {
    public let items: [QueryItem]

    public init(_ items: [QueryItem], allowed: Set<String>) throws(APIError) {
        var kept: [QueryItem] = []
        for item in items where !Self.isIgnored(item.name) {
            guard allowed.contains(item.name) else {
                throw .unknownParameter(name: item.name, suggestion: Suggestion.closest(to: item.name, in: allowed))
            }
            kept.append(item)
        }
        self.items = kept
    }

    /// A cache buster (`_`, `_ts`, ...): it shapes nothing, so it is not
    /// part of a cached answer's key, nor of the links built into that answer.
    public static func isIgnored(_ name: String) -> Bool { name.hasPrefix("_") }

    public func contains(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// A parameter that may appear once.
    public func single(_ name: String) throws(APIError) -> String? {
        var found: String?
        for item in items where item.name == name {
            if found != nil { throw .repeatedParameter(name: name) }
            found = item.value
        }
        return found
    }

    /// A repeatable parameter; `a,b` counts as two values. Empty values are dropped.
    public func all(_ name: String) -> [String] {
        items.filter { $0.name == name }
            .flatMap { $0.value.split(separator: ",", omittingEmptySubsequences: true) }
            .map { $0.trimmingSpaces }
            .filter { !$0.isEmpty }
    }

    public func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let raw = try single(name) else { return value }
        guard let n = Int(raw), raw.utf8.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x2D }) else {
            throw .invalidParameter(name: name, value: raw, reason: "must be an integer")
        }
        guard range.contains(n) else {
            let upper = range.upperBound == Int.max ? "" : " and at most \(range.upperBound)"
            throw .invalidParameter(
                name: name, value: raw, reason: "must be at least \(range.lowerBound)\(upper)")
        }
        return n
    }

    /// `true/false/1/0/yes/no`; a bare `?pretty` (empty value) means true.
    public func bool(_ name: String) throws(APIError) -> Bool? {
        guard let raw = try single(name) else { return nil }
        switch raw.lowercased() {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw .invalidParameter(name: name, value: raw, reason: "must be true or false")
        }
    }

    /// Free text (`q`, `actor`, `author`), at most `maxLength` characters:
    /// longer is a typo or an abuse, not a search. Characters are Unicode
    /// scalars, as JSON Schema's `maxLength` counts them, so the spec and the
    /// server agree on a string of combining marks.
    public func text(_ name: String, maxLength: Int = 200) throws(APIError) -> String? {
        guard let raw = try single(name) else { return nil }
        guard raw.unicodeScalars.count <= maxLength else {
            throw .invalidParameter(name: name, value: String(raw.prefix(40)) + "…", reason: "at most \(maxLength) characters")
        }
        return raw
    }

    /// One value out of a fixed set, with a suggestion when it is close to one.
    public func choice(_ name: String, from allowed: [String]) throws(APIError) -> String? {
        guard let raw = try single(name) else { return nil }
        try Self.check(raw, name: name, allowed: allowed)
        return raw
    }

    /// Every value of a repeatable parameter, each out of a fixed set.
    public func choices(_ name: String, from allowed: [String]) throws(APIError) -> [String] {
        // Empty values count here: `category=` is a mistake, not "no filter".
        for item in items where item.name == name {
            for value in item.value.split(separator: ",", omittingEmptySubsequences: false) {
                try Self.check(value.trimmingSpaces, name: name, allowed: allowed)
            }
        }
        return all(name)
    }

    static func check(_ value: String, name: String, allowed: [String]) throws(APIError) {
        guard allowed.contains(value) else {
            let hint = Suggestion.closest(to: value, in: Set(allowed)).map { "; did you mean `\($0)`?" } ?? ""
            throw .invalidParameter(
                name: name, value: value,
                reason: "must be one of \(allowed.joined(separator: ", "))\(hint)")
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces. Walks UTF-8 bytes: the
    /// `reversed()` version it replaces was an eighth of the CPU of a gzip
    /// request, through `Accept-Encoding` parsing.
    var trimmingSpaces: String {
        let bytes = utf8
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && bytes[start] == UInt8(ascii: " ") { start = bytes.index(after: start) }
        while end > start && bytes[bytes.index(before: end)] == UInt8(ascii: " ") { end = bytes.index(before: end) }
        return String(self[start..<end])
    }
}
