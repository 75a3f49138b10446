import HTTPTypes

/// Method + path patterns to handlers, matched segment by segment in a trie.
///
/// Patterns are literal segments and `{name}` parameters:
/// `/v1/events/{id}`, `/v1/measures/{measure}/series`. A literal beats a
/// parameter at the same depth (`/v1/events/latest` wins over `/v1/events/{id}`).
/// Empty segments are ignored, so `/v1/events/` matches `/v1/events`.
/// HEAD is answered by GET routes unless a HEAD route is registered.
public struct Router<Handler: Sendable>: Sendable {
    public enum Match {
        case found(Handler, parameters: [String: String])
        /// The path exists but not for this method; answer 405 with `Allow`.
        case methodNotAllowed(allowed: [HTTPRequest.Method])
        case notFound
    }

    private struct Node: Sendable {
        /// Keyed by `Substring` so that a lookup with a segment of the
        /// request path allocates nothing (a segment over 15 bytes, such as
        /// `bilateral-trade-turnover`, would need a heap `String`).
        var literals: [Substring: Int] = [:]
        var parameter: (name: String, child: Int)?
        /// Parallel arrays rather than `[(method, handler)]`: a tuple of a
        /// generic type makes the runtime look up its metadata on every
        /// match, which was a tenth of a cached answer's CPU.
        var methods: [HTTPRequest.Method] = []
        var handlers: [Handler] = []
    }

    /// Nodes live in one array and refer to children by index: a value type
    /// with no recursion, cheap to copy into an immutable snapshot.
    private var nodes: [Node] = [Node()]
    /// Patterns without parameters, by their exact path (`/v1/events`): the
    /// common request is then one hash lookup instead of a walk that splits
    /// the path into substrings. Paths spelled differently (`/v1/events/`,
    /// `//v1/events`) still reach the same node through the trie.
    private var literalPaths: [String: Int] = [:]

    public init() {}

    /// Registers `handler` for `method` on `pattern`. A later registration of
    /// the same method and pattern replaces the earlier one.
    public mutating func add(_ method: HTTPRequest.Method, _ pattern: String, _ handler: Handler) {
        var index = 0
        for segment in pattern.split(separator: "/", omittingEmptySubsequences: true) {
            if segment.hasPrefix("{") && segment.hasSuffix("}") && segment.count >= 2 {
                let name = String(segment.dropFirst().dropLast())
                if let existing = nodes[index].parameter {
                    precondition(
                        existing.name == name,
                        "conflicting parameter names {\(existing.name)} and {\(name)} in \(pattern)")
                    index = existing.child
                } else {
                    nodes.append(Node())
                    nodes[index].parameter = (name, nodes.count - 1)
                    index = nodes.count - 1
                }
            } else {
                let key = Substring(segment)
                if let child = nodes[index].literals[key] {
                    index = child
                } else {
                    nodes.append(Node())
                    nodes[index].literals[key] = nodes.count - 1
                    index = nodes.count - 1
                }
            }
        }
        if let existing = nodes[index].methods.firstIndex(of: method) {
            nodes[index].handlers[existing] = handler
        } else {
            nodes[index].methods.append(method)
            nodes[index].handlers.append(handler)
        }
        let segments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        if !segments.contains(where: { $0.hasPrefix("{") }) {
            literalPaths["/" + segments.joined(separator: "/")] = index
        }
    }

    /// Finds the handler for `method` and the percent-decoded `path`.
    public func match(_ method: HTTPRequest.Method, _ path: String) -> Match {
        if let index = literalPaths[path] {
            return match(method, node: index, captured: [])
        }
        let segments = Self.segments(of: path)
        var captured: [(String, Substring)] = []
        guard let index = find(segments[...], from: 0, captured: &captured) else { return .notFound }
        return match(method, node: index, captured: captured)
    }

    private func match(_ method: HTTPRequest.Method, node index: Int, captured: [(String, Substring)]) -> Match {
        let methods = nodes[index].methods
        if methods.isEmpty { return .notFound }

        var position = methods.firstIndex(of: method)
        if position == nil && method == .head {
            position = methods.firstIndex(of: .get)
        }
        guard let position else {
            var allowed = methods
            if allowed.contains(.get) && !allowed.contains(.head) { allowed.append(.head) }
            return .methodNotAllowed(allowed: allowed)
        }
        var parameters: [String: String] = [:]
        if !captured.isEmpty {
            for (name, value) in captured { parameters[name] = String(value) }
        }
        return .found(nodes[index].handlers[position], parameters: parameters)
    }

    /// The non-empty segments between slashes, found on the UTF-8 bytes
    /// (`split` with a closure was 6% of a parameterised route's answer).
    static func segments(of path: String) -> [Substring] {
        var segments: [Substring] = []
        segments.reserveCapacity(6)
        let bytes = path.utf8
        var segmentStart = bytes.startIndex
        var i = bytes.startIndex
        while i != bytes.endIndex {
            if bytes[i] == UInt8(ascii: "/") {
                if segmentStart != i { segments.append(path[segmentStart..<i]) }
                segmentStart = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        if segmentStart != bytes.endIndex { segments.append(path[segmentStart..<bytes.endIndex]) }
        return segments
    }

    /// Depth-first: literal child first, then the parameter child, so a
    /// literal dead end can still fall back to a parameter.
    private func find(_ segments: ArraySlice<Substring>, from index: Int, captured: inout [(String, Substring)]) -> Int?
    {
        guard let segment = segments.first else {
            return nodes[index].handlers.isEmpty ? nil : index
        }
        let rest = segments.dropFirst()
        if let child = nodes[index].literals[segment], let found = find(rest, from: child, captured: &captured) {
            return found
        }
        if let (name, child) = nodes[index].parameter {
            captured.append((name, segment))
            if let found = find(rest, from: child, captured: &captured) { return found }
            captured.removeLast()
        }
        return nil
    }
}

extension Router.Match: Sendable {}
