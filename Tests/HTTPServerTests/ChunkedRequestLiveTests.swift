import Testing

@testable import HTTPServer

/// Chunked uploads over a real socket: what only the connection shows
/// (the body read to its end across several reads, the next request on the
/// same connection, the close after a framing error).
@Suite(.serialized) struct ChunkedRequestLiveTests {
    @Test func chunkedBodySplitAcrossWritesThenAPipelinedRequest() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhel")
            try client.send("lo\r\n6\r\n world\r\n0\r\nX-Sum: 9\r\n")
            try client.send("\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            let upload = try #require(try client.readResponse())
            #expect(upload.status == 200)
            #expect(upload.text == "POST /echo  body=11")
            let after = try #require(try client.readResponse())
            #expect(after.text == "hello /after")
        }
    }

    @Test func lyingChunkSizeIsA400AndTheConnectionCloses() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            // The size says 3, the data runs on: what follows cannot be trusted as a request.
            try client.send(
                "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try #require(try client.readResponse())
            #expect(response.status == 400)
            #expect(response.header("Connection") == "close")
            #expect(try client.isClosedByServer())
        }
    }

    @Test func invalidHostIsA400() async throws {
        try await withTestServer { server in
            let client = try TestClient(port: server.boundPort)
            try client.send("GET / HTTP/1.1\r\nHost: a b\r\n\r\n")
            #expect(try client.readResponse()?.status == 400)
            #expect(try client.isClosedByServer())
        }
    }
}
