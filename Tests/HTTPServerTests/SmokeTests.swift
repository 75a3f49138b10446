import Testing
@testable import HTTPServer

@Test func smoke() async throws {
    try await withTestServer { server in
        let client = try TestClient(port: server.boundPort)
        try client.send("GET /hi HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try #require(try client.readResponse())
        #expect(response.status == 200)
        #expect(response.text == "hello /hi")
    }
}
