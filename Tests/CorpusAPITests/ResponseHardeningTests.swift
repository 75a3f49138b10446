import Foundation
import HTTPServer
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a browser is told about our pages and answers: a
/// Content-Security-Policy that allows only the service's own files on the
/// HTML pages (and pages with nothing inline for it to block), `nosniff` and
/// `no-referrer` on every response as sent on the wire, and a chunked
/// upload to a read-only route read to its end and answered 405.
@Suite(.serialized) struct ResponseHardeningTests {
    @Test(arguments: ["/", "/docs"])
    func pagesAllowOnlyTheServicesOwnFiles(path: String) {
        let response = APIClient.shared.request(path, headers: ["Accept": "text/html"])
        #expect(response.status == 200)
        #expect(response.header("Content-Type")?.hasPrefix("text/html") == true)
        let policy = response.header("Content-Security-Policy") ?? ""
        #expect(policy.contains("default-src 'self'"))
        #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"))
    }

    /// The policy forbids inline code, so the pages must carry none: every
    /// script has a `src`, no `<style>` element, no `style=` attribute.
    @Test(arguments: ["/", "/docs"])
    func pagesCarryNoInlineScriptOrStyle(path: String) {
        let html = APIClient.shared.request(path, headers: ["Accept": "text/html"]).text
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.allSatisfy { $0.prefix(while: { $0 != ">" }).contains("src=") })
        #expect(!html.contains("<style"))
        #expect(!html.contains(" style="))
        #expect(!html.contains(" onclick="))
    }

    @Test func stylesheetOfTheDocsPageIsServed() {
        let css = APIClient.shared.request("/assets/docs.css")
        #expect(css.status == 200)
        #expect(css.header("Content-Type") == "text/css; charset=utf-8")
    }

    @Test func dataAnswersCarryNoPagePolicy() {
        #expect(APIClient.shared.request("/v1/events?limit=1").header("Content-Security-Policy") == nil)
    }

    @Test func everyAnswerOnTheWireIsHardened() async throws {
        try await withLiveAPI { base in
            for path in ["/healthz", "/v1/events?limit=1", "/no-such-route", "/v1/events?limit=nope"] {
                let (_, response) = try await get(base + path)
                #expect(response.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff", "\(path)")
                #expect(response.value(forHTTPHeaderField: "Referrer-Policy") == "no-referrer", "\(path)")
            }
        }
    }

    @Test func chunkedPostToAReadOnlyRouteIs405ThenThePipelinedRequestIsServed() async throws {
        try await withLiveAPI { base in
            let port = Int(base.split(separator: ":").last!)!
            let upload =
                "POST /v1/events HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "7\r\n{\"a\":1}\r\n0\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
            let reply = try rawExchange(port: port, send: upload)
            // A status line follows the previous body directly, with no CRLF between.
            let statusLines = reply.components(separatedBy: "HTTP/1.1 ").dropFirst().map {
                "HTTP/1.1 " + $0.prefix { $0 != "\r\n" }  // CRLF is one Character
            }
            #expect(statusLines.count == 2)
            #expect(statusLines.first?.hasPrefix("HTTP/1.1 405") == true)
            #expect(statusLines.last == "HTTP/1.1 200 OK")
            #expect(reply.contains("Allow: GET"))
        }
    }
}

/// Sends `text` on a fresh connection and reads until the server closes it.
private func rawExchange(port: Int, send text: String) throws -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var timeout = timeval(tv_sec: 5, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { break }
        received += buffer[0..<n]
    }
    return String(decoding: received, as: UTF8.self)
}
