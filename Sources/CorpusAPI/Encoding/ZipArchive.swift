import CZlib

/// A minimal ZIP writer (PKWARE APPNOTE 6.3): deflated entries, CRC-32 from
/// zlib, no ZIP64 (the whole model is a few megabytes at most). Enough for
/// `/v1/export?format=csv`, which spreadsheet users unzip into tables.
struct ZipArchive {
    private var data: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    /// Adds `bytes` as `name`, deflated. A fixed timestamp (1980-01-01) keeps
    /// the archive byte-stable, so its ETag only changes with the model.
    mutating func add(name: String, bytes: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = UInt32(truncatingIfNeeded: bytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) })
        let compressed = Self.deflateRaw(bytes) ?? bytes
        let method: UInt16 = compressed.count < bytes.count ? 8 : 0
        let payload = method == 8 ? compressed : bytes
        let offset = UInt32(data.count)

        var local: [UInt8] = []
        local.le32(0x0403_4b50)
        local.le16(20)  // version needed
        local.le16(0x0800)  // UTF-8 names
        local.le16(method)
        local.le16(0)  // time
        local.le16(0x21)  // date: 1980-01-01
        local.le32(crc)
        local.le32(UInt32(payload.count))
        local.le32(UInt32(bytes.count))
        local.le16(UInt16(nameBytes.count))
        local.le16(0)
        data += local + nameBytes + payload

        central.le32(0x0201_4b50)
        central.le16(20)  // made by
        central.le16(20)
        central.le16(0x0800)
        central.le16(method)
        central.le16(0)
        central.le16(0x21)
        central.le32(crc)
        central.le32(UInt32(payload.count))
        central.le32(UInt32(bytes.count))
        central.le16(UInt16(nameBytes.count))
        central.le16(0)  // extra
        central.le16(0)  // comment
        central.le16(0)  // disk
        central.le16(0)  // internal attributes
        central.le32(0o644 << 16)  // external attributes: rw-r--r--
        central.le32(offset)
        central += nameBytes
        count += 1
    }

    func finish() -> [UInt8] {
        var out = data + central
        out.le32(0x0605_4b50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(count))
        out.le16(UInt16(count))
        out.le32(UInt32(central.count))
        out.le32(UInt32(data.count))
        out.le16(0)
        return out
    }

    /// Raw deflate (no zlib or gzip wrapper), as ZIP method 8 wants.
    static func deflateRaw(_ input: [UInt8]) -> [UInt8]? {
        Gzip.deflate(input, windowBits: -15)
    }
}

extension [UInt8] {
    fileprivate mutating func le16(_ v: UInt16) {
        append(UInt8(v & 0xFF))
        append(UInt8(v >> 8))
    }

    fileprivate mutating func le32(_ v: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((v >> UInt32(shift)) & 0xFF)) }
    }
}
