import Foundation
import HTTPTypes
import Testing

@testable import HTTPServer

#if canImport(Glibc)
    import Glibc
#endif
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Live tests on an ephemeral port, for what only sockets show. Serialized so
/// the timeout tests are not starved on a loaded 2-core machine.
@Suite(.serialized)
struct HTTPServerTests {
    @Test func keepAliveServesTwoRequestsOnOneSocket() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n")
            let first = try #require(try client.readResponse())
            try client.send("GET /two HTTP/1.1\r\nHost: x\r\n\r\n")
            let second = try #require(try client.readResponse())
            #expect(first.text == "hello /one")
            #expect(second.text == "hello /two")
            for response in [first, second] {
                #expect(response.header("Date")?.hasSuffix(" GMT") == true)
                #expect(response.header("Content-Type") == "text/plain; charset=utf-8")
                #expect(response.header("Content-Length") == String(response.body.count))
                #expect(response.header("X-Request-Id")?.isEmpty == false)
                #expect(response.header("Connection") == nil)
            }
            #expect(first.header("X-Request-Id") != second.header("X-Request-Id"))
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send(
                "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbodyGET /c HTTP/1.1\r\nHost: x\r\n\r\n"
            )
            let texts = try (0..<3).map { _ in try #require(try client.readResponse()).text }
            #expect(texts == ["hello /a", "POST /echo  body=4", "hello /c"])
        }
    }

    @Test func headHasTheContentLengthOfGetAndNoBody() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /same HTTP/1.1\r\nHost: x\r\n\r\n")
            let get = try #require(try client.readResponse())
            try client.send("HEAD /same HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(try client.readResponse(head: true))
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == String(get.body.count))
            // Had HEAD sent a body, this next response would be garbled.
            try client.send("GET /after HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.text == "hello /after")
        }
    }

    @Test func saneClientRequestIdIsEchoedAndOthersReplaced() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: abc-123\r\n\r\n")
            #expect(try client.readResponse()?.header("X-Request-Id") == "abc-123")
            let long = String(repeating: "a", count: 129)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: \(long)\r\n\r\n")
            let replaced = try #require(try client.readResponse()?.header("X-Request-Id"))
            #expect(replaced != long && !replaced.isEmpty)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Request-Id: has space\r\n\r\n")
            #expect(try client.readResponse()?.header("X-Request-Id") != "has space")
        }
    }

    @Test func http10ClosesUnlessKeepAliveIsAsked() async throws {
        try await withTestServer { server in
            let plain = try TestClient(port: server.boundPort)
            try plain.send("GET /old HTTP/1.0\r\n\r\n")
            let response = try #require(try plain.readResponse())
            #expect(response.header("Connection") == "close")
            #expect(try plain.isClosedByServer())

            let keepAlive = try TestClient(port: server.boundPort)
            try keepAlive.send("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(try keepAlive.readResponse()?.header("Connection") == "keep-alive")
            try keepAlive.send("GET /again HTTP/1.0\r\n\r\n")
            #expect(try keepAlive.readResponse()?.text == "hello /again")
        }
    }

    @Test func connectionCloseIsHonoured() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(try client.readResponse()?.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    /// A head that never completes gets a 408 and the connection is closed.
    @Test func slowHeaderTimesOutWith408() async throws {
        try await withTestServer({ $0.headerTimeout = .milliseconds(300) }) { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /slowloris HTTP/1.1\r\nHost: x\r\nX-A: ")
            let response = try #require(try client.readResponse())
            #expect(response.status == 408)
            #expect(response.header("Content-Type") == "application/problem+json")
            #expect(try client.isClosedByServer())
        }
    }

    /// An idle keep-alive connection is closed silently (no response bytes).
    @Test func idleKeepAliveConnectionIsClosed() async throws {
        try await withTestServer({ $0.idleTimeout = .milliseconds(300) }) { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.status == 200)
            #expect(try client.isClosedByServer())
            try await waitUntil { server.openConnections == 0 }
        }
    }

    @Test func connectionsOverTheLimitGet503() async throws {
        try await withTestServer({ $0.maxConnections = 2 }) { server in
            let first = try TestClient(port: server.boundPort)
            let second = try TestClient(port: server.boundPort)
            for client in [first, second] {
                try client.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try client.readResponse()?.status == 200)
            }
            #expect(server.openConnections == 2)
            let third = try TestClient(port: server.boundPort)
            try third.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            let refused = try #require(try third.readResponse())
            #expect(refused.status == 503)
            #expect(refused.header("Retry-After") == "1")
            #expect(refused.header("Content-Type") == "application/problem+json")
            #expect(try third.isClosedByServer())
            // The first two are still served.
            try first.send("GET /still HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try first.readResponse()?.text == "hello /still")
        }
    }

    static let liveRejections: [(raw: String, status: Int)] = [
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\u{7}\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r2\r\n\r\n", 400),
        ("GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET /" + String(repeating: "a", count: 9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
        (
            "GET / HTTP/1.1\r\nHost: x\r\n"
                + String(repeating: "X-Pad: " + String(repeating: "p", count: 1000) + "\r\n", count: 40) + "\r\n", 431
        ),
        ("GET / HTTP/1.1\r\nHost: x\r\n" + (0..<101).map { "X-F\($0): v\r\n" }.joined() + "\r\n", 431),
        ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n", 413),
        ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
        ("BREW / HTTP/1.1\r\nHost: x\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n", 413),
        ("GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
    ]

    @Test func protocolErrorsGetProblemJSONAndTheServerStillServes() async throws {
        try await withTestServer { server in
            for (raw, status) in Self.liveRejections {
                let client = try TestClient(port: server.boundPort)
                try client.send(raw)
                let response = try #require(try client.readResponse(), "no answer for status \(status)")
                #expect(response.status == status)
                #expect(response.header("Content-Type") == "application/problem+json")
                #expect(response.header("Connection") == "close")
                let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
                #expect(problem?["status"] as? Int == status)
                #expect(problem?["type"] as? String == "about:blank")
                #expect(problem?["title"] is String)
                #expect(problem?["detail"] is String)
                #expect(try client.isClosedByServer())

                let fresh = try TestClient(port: server.boundPort)
                try fresh.send("GET /fresh HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try fresh.readResponse()?.text == "hello /fresh")
            }
        }
    }

    @Test func shutdownLetsAnInFlightRequestFinishAndRefusesNewConnections() async throws {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.accessLog = false
        configuration.eventLoops = 2
        let server = HTTPServer(configuration: configuration, responder: TestResponder())
        try server.start()
        let port = server.boundPort
        let idle = try TestClient(port: port)
        let client = try TestClient(port: port)
        let slowBefore = TestResponder.slowRequestsStarted.withLock { $0 }
        try client.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        try await waitUntil { TestResponder.slowRequestsStarted.withLock { $0 } > slowBefore }
        server.beginShutdown(gracePeriod: .seconds(5))

        #expect(throws: TestSocketError.self) { try TestClient(port: port) }
        let response = try #require(try client.readResponse())
        #expect(response.status == 200)
        #expect(response.text == "slow done")
        #expect(try client.isClosedByServer())
        #expect(try idle.isClosedByServer())
        await server.waitUntilStopped()
        #expect(server.openConnections == 0)
    }

    /// A slow reader gets every pipelined answer in order, byte for byte:
    /// large bodies copied from memory (`/big`) or sent with sendfile from a
    /// memfd (`/file`), interleaved with small ones, past the buffer bound.
    @Test(arguments: [("/big", 300 * 1024), ("/file", 700 * 1024)])
    func slowReaderGetsEveryResponseInOrder(bigPath: String, bufferBound: Int) async throws {
        let expected =
            bigPath == "/file" ? TestResponder.patterned : [UInt8](repeating: UInt8(ascii: "x"), count: 256 * 1024)
        #if os(Linux)
            if bigPath == "/file" { #expect(TestResponder.patternedFile != nil) }
        #endif
        try await withTestServer({ $0.maxBufferedResponseBytes = bufferBound }) { server in
            let client = try TestClient(port: server.boundPort, receiveBuffer: 8 * 1024)
            var pipeline = ""
            for i in 0..<12 {
                pipeline +=
                    i % 2 == 0 ? "GET \(bigPath) HTTP/1.1\r\nHost: x\r\n\r\n" : "GET /n\(i) HTTP/1.1\r\nHost: x\r\n\r\n"
            }
            try client.send(pipeline)
            try await Task.sleep(for: .milliseconds(200))  // let the server hit its buffer bound
            for i in 0..<12 {
                let response = try #require(try client.readResponse())
                if i % 2 == 0 {
                    #expect(response.header("Content-Length") == String(expected.count))
                    #expect(response.body == expected, "response \(i)")
                } else {
                    #expect(response.text == "hello /n\(i)")
                }
            }
        }
    }

    @Test func urlSessionClient() async throws {
        try await withTestServer { server in
            let url = URL(string: "http://127.0.0.1:\(server.boundPort)/echo?q=a+b&q=c%20d")!
            let (data, response) = try await URLSession.shared.data(from: url)
            let http = try #require(response as? HTTPURLResponse)
            #expect(http.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self) == "GET /echo q=a b&q=c d body=0")
            #expect(http.value(forHTTPHeaderField: "X-Request-Id") != nil)
        }
    }

    @Test func ipv6Loopback() async throws {
        try await withTestServer({ $0.host = "::1" }) { server in
            let client = try TestClient(port: server.boundPort, host: "::1")
            try client.send("GET /six HTTP/1.1\r\nHost: [::1]\r\n\r\n")
            #expect(try client.readResponse()?.text == "hello /six")
        }
    }

    @Test func bindFailureSaysWhy() async throws {
        try await withTestServer { server in
            let clash = HTTPServer(
                configuration: .init(host: "127.0.0.1", port: server.boundPort), responder: TestResponder())
            #expect {
                try clash.start()
            } throws: { error in
                "\(error)" == "cannot bind 127.0.0.1:\(server.boundPort): Address already in use"
                    && error.localizedDescription == "\(error)"
            }
        }
    }

    @Test func observerSeesEveryCompletedRequest() async throws {
        let seen = Locked<[CompletedRequest]>([])
        try await withTestServer(observer: { record in seen.withLock { $0.append(record) } }) { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /observed HTTP/1.1\r\nHost: x\r\nX-Request-Id: rid-1\r\n\r\n")
            _ = try client.readResponse()
            try client.send("HEAD /observed HTTP/1.1\r\nHost: x\r\n\r\n")
            _ = try client.readResponse(head: true)
        }
        let records = seen.withLock { $0 }
        #expect(records.count == 2)
        #expect(records.first?.head.path == "/observed")
        #expect(records.first?.status == .ok)
        #expect(records.first?.requestID == "rid-1")
        #expect(records.first?.bodyBytes == "hello /observed".utf8.count)
        #expect(records.last?.bodyBytes == 0)
        #expect(records.first?.remoteAddress.hasPrefix("127.0.0.1:") == true)
    }
}

/// Polls `condition` for up to 5 s (generous: the machine may be loaded).
func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<500 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("condition not met within 5 s")
}

extension HTTPServerTests {
    @Test func expectContinueGetsAnInterimAnswerBeforeTheBody() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n")
            let interim = try #require(try client.readResponse(head: true))
            #expect(interim.status == 100)
            try client.send("abc")
            #expect(try client.readResponse()?.text == "POST /echo  body=3")
        }
    }
}

extension HTTPServerTests {
    /// A client that stops reading while answers pile up is dropped after the write timeout.
    @Test func stalledReaderIsDroppedAfterTheWriteTimeout() async throws {
        try await withTestServer({ $0.writeTimeout = .milliseconds(300) }) { server in
            let client = try TestClient(port: server.boundPort, receiveBuffer: 8 * 1024)
            // About 10 MiB of answers: more than the kernel buffers on both sides hold.
            try client.send(String(repeating: "GET /big HTTP/1.1\r\nHost: x\r\n\r\n", count: 40))
            try await waitUntil { server.openConnections == 1 }  // accepted...
            try await waitUntil { server.openConnections == 0 }  // ...and dropped while we do not read
            var received = 0
            while (try? client.readResponse()) != nil { received += 1 }
            #expect(received < 40)
        }
    }
}

extension HTTPServerTests {
    /// Trickling a byte now and then does not extend the header timeout (slowloris).
    @Test func tricklingHeaderStillTimesOut() async throws {
        try await withTestServer({
            $0.headerTimeout = .milliseconds(500)
            $0.lingerTimeout = .milliseconds(200)
        }) { server in
            let client = try TestClient(port: server.boundPort)
            var sawTimeout = false
            for byte in "GET /trickle HTTP/1.1\r\nHost: x\r\nX-Long: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                guard (try? client.send([byte])) != nil else { break }
                try await Task.sleep(for: .milliseconds(50))
                if server.openConnections == 0 {
                    sawTimeout = true
                    break
                }
            }
            #expect(sawTimeout)
            #expect(try client.readResponse()?.status == 408)
        }
    }

    /// A body that stops arriving is a 408 after the idle timeout.
    @Test func stalledBodyTimesOut() async throws {
        try await withTestServer({ $0.idleTimeout = .milliseconds(300) }) { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc")
            #expect(try client.readResponse()?.status == 408)
            #expect(try client.isClosedByServer())
        }
    }

    @Test func connectionClosesAfterMaxRequests() async throws {
        try await withTestServer({ $0.maxRequestsPerConnection = 2 }) { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.header("Connection") == nil)
            try client.send("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try client.readResponse()?.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }
}
