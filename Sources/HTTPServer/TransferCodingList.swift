/// What a request's `Transfer-Encoding` fields say about how its body is
/// framed (RFC 9112 §6.1, §6.3). Several field lines form one list.
///
/// Only `chunked`, last and once, gives a body we can find the end of.
/// A list that does not end in `chunked` (`gzip`, `chunked, gzip`), names it
/// twice, or is empty or malformed is a 400 and a closed connection: that is
/// the classic request-smuggling shape, where a proxy and we would disagree
/// on where the body ends. Another coding before the final `chunked`
/// (`gzip, chunked`) is framed correctly but asks for a decoding we do not
/// do: 501.
struct TransferCodingList: Sendable {
    private(set) var isPresent = false
    private var chunkedCount = 0
    private var lastIsChunked = false
    private var hasOtherCoding = false
    private var malformed = false

    /// One `Transfer-Encoding` field value: `#transfer-coding`, where a
    /// coding is `token *( OWS ";" OWS transfer-parameter )`.
    mutating func add(_ value: UnsafeBufferPointer<UInt8>.SubSequence) {
        isPresent = true
        var elements = 0
        var elementStart = value.startIndex
        var i = value.startIndex
        while i <= value.endIndex {
            if i == value.endIndex || value[i] == ASCII.comma {
                let element = ASCII.trimmed(value[elementStart..<i])
                // RFC 9110 §5.6.1: empty list elements are ignored.
                if !element.isEmpty {
                    elements += 1
                    addCoding(element)
                }
                elementStart = i + 1
            }
            i += 1
        }
        if elements == 0 { malformed = true }
    }

    private mutating func addCoding(_ element: UnsafeBufferPointer<UInt8>.SubSequence) {
        let nameEnd = element.firstIndex(of: ASCII.semicolon) ?? element.endIndex
        let name = ASCII.trimmed(element[element.startIndex..<nameEnd])
        if name.isEmpty || name.contains(where: { !ASCII.isTokenChar($0) }) { malformed = true }
        if ASCII.equalsLowercase(name, "chunked") {
            chunkedCount += 1
            // `chunked` takes no parameters.
            if nameEnd != element.endIndex { malformed = true }
            lastIsChunked = true
        } else {
            hasOtherCoding = true
            lastIsChunked = false
        }
    }

    /// Throws unless the body is plainly chunked.
    func checkChunked(version: HTTPVersion) throws(HTTPParseError) {
        // §6.1: HTTP/1.0 has no Transfer-Encoding; treat the framing as faulty.
        if version == .http10 || malformed || chunkedCount != 1 || !lastIsChunked {
            throw .invalidTransferEncoding
        }
        if hasOtherCoding { throw .unsupportedTransferEncoding }
    }
}
