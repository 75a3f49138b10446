import Foundation

/// An `Encoder` that builds a `JSONValue` directly, preserving the order in
/// which keys are encoded (Foundation's JSONEncoder does not on Linux), so
/// responses read `id` first and stay byte-stable for ETags.
struct JSONValueEncoder {
    /// A mutable slot the containers write into. Encoding is synchronous and
    /// single-threaded, and a Box never escapes `encode(_:)`.
    final class Box {
        var value: JSONValue?
        var pairs: [(String, Box)] = []
        var items: [Box] = []
        enum Kind { case unset, keyed, unkeyed, single }
        var kind: Kind = .unset

        func resolve() -> JSONValue {
            switch kind {
            case .keyed: return .object(pairs.map { ($0.0, $0.1.resolve()) })
            case .unkeyed: return .array(items.map { $0.resolve() })
            case .single, .unset: return value ?? .null
            }
        }
    }

    struct Impl: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if box.kind != .keyed {
                box.kind = .keyed
                box.pairs = []
            }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if box.kind != .unkeyed {
                box.kind = .unkeyed
                box.items = []
            }
            return Unkeyed(box: box, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            box.kind = .single
            return Single(box: box, codingPath: codingPath)
        }
    }

    static func primitive<T: Encodable>(_ value: T) -> JSONValue? {
        switch value {
        case let v as String: return .string(v)
        case let v as Bool: return .bool(v)
        case let v as Int: return .int(v)
        case let v as Int64: return .int(Int(v))
        case let v as Int32: return .int(Int(v))
        case let v as UInt: return .int(Int(v))
        case let v as Double: return v.isFinite ? .double(v) : .null
        case let v as Float: return v.isFinite ? .double(Double(v)) : .null
        case let v as URL: return .string(v.absoluteString)
        case let v as Date: return .string(ISO8601DateFormatter().string(from: v))
        case let v as JSONValue: return v
        default: return nil
        }
    }

    static func encodeNested<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Box {
        let child = Box()
        if let p = primitive(value) {
            child.kind = .single
            child.value = p
        } else {
            try value.encode(to: Impl(box: child, codingPath: codingPath))
        }
        return child
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]

        private func set(_ key: Key, _ child: Box) {
            if let i = box.pairs.firstIndex(where: { $0.0 == key.stringValue }) {
                box.pairs[i].1 = child
            } else {
                box.pairs.append((key.stringValue, child))
            }
        }

        private func leaf(_ v: JSONValue) -> Box {
            let b = Box()
            b.kind = .single
            b.value = v
            return b
        }

        mutating func encodeNil(forKey key: Key) throws { set(key, leaf(.null)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(key, leaf(.bool(value))) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(key, leaf(.string(value))) }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            set(key, leaf(value.isFinite ? .double(value) : .null))
        }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(key, leaf(.int(value))) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(key, try JSONValueEncoder.encodeNested(value, codingPath: codingPath + [key]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            set(key, child)
            return Impl(box: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Box()
            set(key, child)
            return Impl(box: child, codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { Impl(box: box, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Box()
            set(key, child)
            return Impl(box: child, codingPath: codingPath + [key])
        }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { box.items.count }

        private func leaf(_ v: JSONValue) {
            let b = Box()
            b.kind = .single
            b.value = v
            box.items.append(b)
        }

        mutating func encodeNil() throws { leaf(.null) }
        mutating func encode(_ value: Bool) throws { leaf(.bool(value)) }
        mutating func encode(_ value: String) throws { leaf(.string(value)) }
        mutating func encode(_ value: Double) throws { leaf(value.isFinite ? .double(value) : .null) }
        mutating func encode(_ value: Int) throws { leaf(.int(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            box.items.append(try JSONValueEncoder.encodeNested(value, codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = Box()
            box.items.append(child)
            return Impl(box: child, codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Box()
            box.items.append(child)
            return Impl(box: child, codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = Box()
            box.items.append(child)
            return Impl(box: child, codingPath: codingPath)
        }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.value = .null }
        mutating func encode(_ value: Bool) throws { box.value = .bool(value) }
        mutating func encode(_ value: String) throws { box.value = .string(value) }
        mutating func encode(_ value: Double) throws { box.value = value.isFinite ? .double(value) : .null }
        mutating func encode(_ value: Int) throws { box.value = .int(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            let nested = try JSONValueEncoder.encodeNested(value, codingPath: codingPath)
            box.value = nested.resolve()
        }
    }
}

extension JSONValueEncoder {
    /// Public entry used by `JSONValue.encode`; resolves the box tree once at the end.
    func encodeResolved<T: Encodable>(_ value: T) throws -> JSONValue {
        if let p = Self.primitive(value) { return p }
        let box = Box()
        try value.encode(to: Impl(box: box, codingPath: []))
        return box.resolve()
    }
}
