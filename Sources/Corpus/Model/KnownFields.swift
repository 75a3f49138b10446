import Foundation

/// The fields a corpus JSON file may hold, as data, so a misspelt key
/// (`"jounal"`, `"is_traget"`) fails the load naming the file and the key,
/// as unknown configuration keys and query parameters already do, instead of
/// being dropped silently by the decoder.
public enum KnownFields {
    /// Allowed keys of an object and of the objects nested under some of them.
    ///
    /// A final class, not an `indirect enum`: the enum's boxes sat in these
    /// `static let`s behind pointers carrying the enum's tag bits, which
    /// LeakSanitizer cannot trace, so every fuzz run of the loader reported
    /// the metadata shape as a leak (CI, 2026-12-07).
    public final class Shape: Sendable {
        /// Allowed keys and their shapes, for an object; nil otherwise.
        let fields: [String: Shape]?
        /// The shape of every element, for a list; nil otherwise.
        let element: Shape?

        private init(fields: [String: Shape]?, element: Shape?) {
            self.fields = fields
            self.element = element
        }

        public static func object(_ fields: [String: Shape]) -> Shape { Shape(fields: fields, element: nil) }
        public static func list(_ element: Shape) -> Shape { Shape(fields: nil, element: element) }
        /// A value whose inside is not checked (strings, numbers, dates).
        public static let any = Shape(fields: nil, element: nil)
    }

    static let author: Shape = .object(["family": .any, "given": .any, "affiliation": .any])
    static let venue: Shape = .object(["journal": .any, "volume": .any, "issue": .any, "pages": .any])

    /// A document's metadata file.
    public static let metadata: Shape = .object([
        "id": .any, "text": .any, "title": .any, "authors": .list(author), "year": .any, "venue": venue,
        "publisher": .any, "doi": .any, "issn": .any, "url": .any, "licence": .any, "language": .any, "note": .any,
    ])

    static let eventDate: Shape = .object(["start": .any, "end": .any, "precision": .any, "qualifier": .any, "display": .any])

    /// An `annotations/*.json` file.
    public static let annotations: Shape = .object([
        "document": .any,
        "events": .list(.object([
            "quote": .any, "title": .any, "category": .any, "status": .any, "actors": .any, "date": eventDate,
            "exclude": .any, "same_as": .any, "note": .any,
        ])),
        "indicators": .list(.object([
            "quote": .any, "measure": .any, "label": .any, "category": .any, "value": .any, "unit": .any,
            "period": .any, "qualifier": .any, "is_target": .any, "exclude": .any, "note": .any,
        ])),
        "citations": .list(.object([
            "quote": .any, "reference_type": .any, "title": .any, "container_title": .any, "authors": .any,
            "year": .any, "no_year": .any, "resolve_to": .any, "unresolved_reason": .any, "comment": .any,
        ])),
    ])

    /// The first key of `data` (parsed JSON) that `shape` does not allow, as
    /// `unknown field "venue.jounal"; did you mean "journal"?`, or nil.
    public static func firstUnknown(in data: Data, shape: Shape) -> String? {
        guard let value = try? JSONSerialization.jsonObject(with: data) else { return nil }
        return check(value, shape: shape, path: "")
    }

    private static func check(_ value: Any, shape: Shape, path: String) -> String? {
        if let element = shape.element {
            guard let items = value as? [Any] else { return nil }
            for (i, item) in items.enumerated() {
                if let found = check(item, shape: element, path: "\(path)[\(i)]") { return found }
            }
            return nil
        }
        guard let fields = shape.fields, let object = value as? [String: Any] else { return nil }
        for key in object.keys.sorted() {
            let name = path.isEmpty ? key : "\(path).\(key)"
            guard let inner = fields[key] else {
                let hint = closest(to: key, in: Array(fields.keys)).map { "; did you mean \"\($0)\"?" } ?? ""
                return "unknown field \"\(name)\"\(hint)"
            }
            if let found = check(object[key]!, shape: inner, path: name) { return found }
        }
        return nil
    }

    /// The allowed key within two edits of `key`, if one is.
    static func closest(to key: String, in candidates: [String]) -> String? {
        candidates.map { ($0, distance(Array(key), Array($0))) }.filter { $0.1 <= 2 }
            .min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
