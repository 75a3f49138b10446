import HTTPTypes

/// Why a request was rejected while parsing. Each case knows the status to
/// answer with; after any of them the connection is closed, because the
/// framing of whatever follows can no longer be trusted (RFC 9112 §2.2).
public enum HTTPParseError: Error, Sendable, Hashable {
    case malformedRequestLine
    case invalidMethod
    case unsupportedMethod
    case invalidTarget
    case invalidPercentEncoding
    case malformedVersion
    case unsupportedVersion
    case invalidFieldName
    case whitespaceBeforeColon
    case obsoleteLineFolding
    case invalidFieldValue
    case bareCarriageReturn
    case bareLineFeed
    case missingHost
    case multipleHost
    /// RFC 9112 §3.2: not `uri-host [ ":" port ]` (a space, a control
    /// character, a port that is not digits).
    case invalidHost
    case invalidContentLength
    case multipleContentLength
    case contentLengthWithTransferEncoding
    /// A coding we do not implement before the final `chunked` (`gzip, chunked`): 501.
    case unsupportedTransferEncoding
    /// Framing that cannot be trusted (RFC 9112 §6.1, §6.3): the final coding
    /// is not `chunked`, `chunked` twice, an empty or malformed list, or any
    /// Transfer-Encoding on HTTP/1.0.
    case invalidTransferEncoding
    /// A chunk size that is not hex digits (`-1`, `0x5`, empty).
    case invalidChunkSize
    case invalidChunkExtension
    /// A chunk's data was not followed by CRLF: its size lied.
    case missingChunkDataTerminator
    /// A chunk-size line over `ChunkedBodyDecoder.maxLineBytes`.
    case chunkLineTooLong
    case requestLineTooLong
    case headerSectionTooLarge
    case tooManyHeaderFields
    case contentTooLarge

    /// The status the server answers with.
    public var status: HTTPResponse.Status {
        switch self {
        case .unsupportedMethod, .unsupportedTransferEncoding: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .requestLineTooLong: .uriTooLong
        case .headerSectionTooLarge, .tooManyHeaderFields: .requestHeaderFieldsTooLarge
        case .contentTooLarge: .contentTooLarge
        default: .badRequest
        }
    }

    /// Every parse error closes the connection.
    public var closesConnection: Bool { true }

    /// A sentence for the `detail` member of the problem response.
    public var detail: String {
        switch self {
        case .malformedRequestLine: "The request line is not 'method SP target SP version'."
        case .invalidMethod: "The method is not a valid token."
        case .unsupportedMethod: "The method is not implemented by this server."
        case .invalidTarget: "The request target is not valid."
        case .invalidPercentEncoding: "The request target contains invalid percent-encoding."
        case .malformedVersion: "The HTTP version is malformed."
        case .unsupportedVersion: "Only HTTP/1.0 and HTTP/1.1 are supported."
        case .invalidFieldName: "A header field name is not a valid token."
        case .whitespaceBeforeColon: "Whitespace between a header field name and its colon is not allowed."
        case .obsoleteLineFolding: "Obsolete line folding in header fields is not allowed."
        case .invalidFieldValue: "A header field value contains a forbidden character."
        case .bareCarriageReturn: "A carriage return not followed by a line feed was found."
        case .bareLineFeed: "Lines must end with CRLF."
        case .missingHost: "HTTP/1.1 requests must carry a Host header."
        case .multipleHost: "More than one Host header was sent."
        case .invalidHost: "The Host header is not a valid host[:port]."
        case .invalidContentLength: "Content-Length is not a valid number."
        case .multipleContentLength: "More than one Content-Length was sent."
        case .contentLengthWithTransferEncoding: "Content-Length and Transfer-Encoding cannot both be sent."
        case .unsupportedTransferEncoding:
            "Only the chunked transfer coding is supported; send chunked alone or Content-Length."
        case .invalidTransferEncoding:
            "Transfer-Encoding must end with chunked, name it once, and is not allowed on HTTP/1.0."
        case .invalidChunkSize: "A chunk size is not a hexadecimal number."
        case .invalidChunkExtension: "A chunk extension is malformed."
        case .missingChunkDataTerminator: "Chunk data is not followed by CRLF."
        case .chunkLineTooLong: "A chunk-size line is too long."
        case .requestLineTooLong: "The request line is too long."
        case .headerSectionTooLarge: "The header section is too large."
        case .tooManyHeaderFields: "Too many header fields."
        case .contentTooLarge: "The request body is too large."
        }
    }
}
