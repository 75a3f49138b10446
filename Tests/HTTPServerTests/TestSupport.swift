import Foundation
import HTTPTypes
import Logging

@testable import HTTPServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A responder for live tests: `/echo` describes the request, `/slow` sleeps
/// 300 ms, `/big` returns 256 KiB, anything else says hello.
struct TestResponder: HTTPResponder {
    /// Lets a test wait until a `/slow` request is really in flight.
    static let slowRequestsStarted = Locked(0)
    /// 300 KiB where every offset has a known byte, so a misplaced chunk shows.
    static let patterned: [UInt8] = (0..<300 * 1024).map { UInt8(truncatingIfNeeded: $0 % 251) }
    static let patternedFile = ResponseBodyFile.make(patterned)

    func respond(to request: ServerRequest) -> ServerResponse {
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        switch request.path {
        case "/slow":
            Self.slowRequestsStarted.withLock { $0 += 1 }
            usleep(300_000)
            return ServerResponse(status: .ok, headerFields: fields, body: Array("slow done".utf8))
        case "/file":
            // A patterned body that also comes as a file (sent with sendfile).
            var response = ServerResponse(status: .ok, headerFields: fields, body: Self.patterned)
            response.bodyFile = Self.patternedFile
            return response
        case "/big":
            return ServerResponse(
                status: .ok, headerFields: fields, body: [UInt8](repeating: UInt8(ascii: "x"), count: 256 * 1024))
        case "/echo":
            let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
            let text = "\(request.head.method.rawValue) \(request.path) \(query) body=\(request.body.count)"
            return ServerResponse(status: .ok, headerFields: fields, body: Array(text.utf8))
        default:
            return ServerResponse(status: .ok, headerFields: fields, body: Array("hello \(request.path)".utf8))
        }
    }
}

/// Starts a server on an ephemeral port and guarantees it is shut down.
func withTestServer<T>(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    observer: RequestObserver? = nil,
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
    configuration.eventLoops = 2
    configuration.shutdownGracePeriod = .seconds(2)
    configuration.accessLog = false
    configure(&configuration)
    var logger = Logger(label: "test")
    logger.logLevel = .warning
    let server = HTTPServer(
        configuration: configuration, responder: TestResponder(), logger: logger, observer: observer)
    try server.start()
    do {
        let result = try await body(server)
        await server.shutdown(gracePeriod: .seconds(1))
        return result
    } catch {
        await server.shutdown(gracePeriod: .seconds(1))
        throw error
    }
}

struct TestSocketError: Error, CustomStringConvertible {
    var description: String
}

/// A blocking client socket with a receive timeout, for what only raw bytes show.
final class TestClient {
    let fd: Int32
    private var pending: [UInt8] = []

    /// - Parameter receiveBuffer: a small value makes this client a slow reader
    ///   whose kernel buffer fills quickly.
    init(port: Int, host: String = "127.0.0.1", receiveTimeout: Double = 5, receiveBuffer: Int32? = nil) throws {
        let isV6 = host.contains(":")
        fd = socket(isV6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestSocketError(description: "socket failed") }
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var tv = timeval(
            tv_sec: Int(receiveTimeout), tv_usec: Int((receiveTimeout - Double(Int(receiveTimeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let result: Int32
        if isV6 {
            var addr = sockaddr_in6()
            addr.sin6_family = sa_family_t(AF_INET6)
            addr.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &addr.sin6_addr)
            result = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        } else {
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &addr.sin_addr)
            result = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if result != 0 {
            let error = errno
            close(fd)
            throw TestSocketError(description: "connect failed: \(String(cString: strerror(error)))")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n <= 0 { throw TestSocketError(description: "send failed: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    /// Reads more bytes; returns false at EOF, throws on timeout or error.
    private func fill() throws -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if n > 0 {
            pending += buffer[0..<n]
            return true
        }
        if n == 0 { return false }
        let error = errno
        if error == ECONNRESET { return false }
        throw TestSocketError(description: "recv failed: \(String(cString: strerror(error)))")
    }

    /// Reads one response (Content-Length framed); nil if the server closed first.
    func readResponse(head isHeadRequest: Bool = false) throws -> TestResponse? {
        while true {
            if let end = pending.firstRange(of: Array("\r\n\r\n".utf8)) {
                let headText = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                var lines = headText.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst()
                let parts = statusLine.split(separator: " ", maxSplits: 2)
                let status = Int(parts[1])!
                var headers: [(String, String)] = []
                for line in lines {
                    let colon = line.firstIndex(of: ":")!
                    headers.append(
                        (
                            String(line[..<colon]).lowercased(),
                            line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                        ))
                }
                let length = isHeadRequest ? 0 : Int(headers.first { $0.0 == "content-length" }?.1 ?? "0")!
                let bodyStart = end.upperBound
                while pending.count - bodyStart < length {
                    guard try fill() else { return nil }
                }
                let body = Array(pending[bodyStart..<(bodyStart + length)])
                pending.removeSubrange(0..<(bodyStart + length))
                return TestResponse(status: status, headers: headers, body: body)
            }
            guard try fill() else { return nil }
        }
    }

    /// True once the server has closed the connection (EOF or reset) with nothing more to read.
    func isClosedByServer() throws -> Bool {
        if !pending.isEmpty { return false }
        return try !fill()
    }
}

struct TestResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }
}
