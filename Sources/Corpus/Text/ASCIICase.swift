/// ASCII case at the byte level, for text read as UTF-8.
enum ASCIICase {
    /// `b` lowered when it is an ASCII capital; any other byte as it is.
    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
}
