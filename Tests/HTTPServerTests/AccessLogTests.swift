import Foundation
import HTTPTypes
import Logging
import Testing

@testable import HTTPServer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The access log as an operator sees it: every answered request is one
/// line, lines survive a shutdown that follows right after the requests,
/// and a log output nobody reads does not stop the server answering.
@Suite(.serialized) struct AccessLogTests {
    /// A server logging at `info` into `descriptor`.
    private func startServer(
        logTo descriptor: Int32, grace: Duration = .seconds(2),
        backlog: Int = HTTPServerConfiguration().accessLogBacklogBytes
    ) throws -> HTTPServer {
        var configuration = HTTPServerConfiguration(host: "127.0.0.1", port: 0)
        configuration.eventLoops = 2
        configuration.accessLog = true
        configuration.accessLogDescriptor = descriptor
        configuration.accessLogBacklogBytes = backlog
        configuration.shutdownGracePeriod = grace
        var logger = Logger(label: "http")
        logger.logLevel = .info
        let server = HTTPServer(configuration: configuration, responder: TestResponder(), logger: logger)
        try server.start()
        return server
    }

    /// Sends `count` requests on `connections` keep-alive connections; returns the 200s received.
    private func load(port: Int, connections: Int, count: Int) throws -> Int {
        var answered = 0
        for c in 0..<connections {
            let client = try TestClient(port: port)
            for i in 0..<(count / connections) {
                try client.send("GET /hello/\(c)/\(i) HTTP/1.1\r\nHost: test\r\n\r\n")
                if try client.readResponse()?.status == 200 { answered += 1 }
            }
        }
        return answered
    }

    @Test func everyRequestIsLoggedOnceAndNoneLostAtShutdown() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer {
            close(fd)
            unlink(path)
        }
        let server = try startServer(logTo: fd)
        let answered = try load(port: server.boundPort, connections: 3, count: 600)
        // Rejected by the parser: logged too, with the reason.
        let bad = try TestClient(port: server.boundPort)
        try bad.send("GET / HTTP/1.1\r\nHost: bad host\r\n\r\n")
        #expect(try bad.readResponse()?.status == 400)
        // Shut down at once: the lines still in the loops' buffers must not be lost.
        await server.shutdown(gracePeriod: .seconds(1))

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(answered == 600)
        #expect(lines.count == 601)
        let paths = Set(
            lines.compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
            })
        #expect(paths.count == 601, "each request once, every line valid JSON")
        #expect(lines.contains { $0.contains(#""error":"invalidHost""#) })
    }

    @Test func aStalledLogOutputDoesNotStopServing() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        let server = try startServer(logTo: ends[1])
        // Nobody reads the pipe yet: 1,000 lines (~170 KB) overfill its 64 KiB,
        // so its writer blocks; the loops must not.
        let answered = try load(port: server.boundPort, connections: 2, count: 1000)
        #expect(answered == 1000)

        // Shut down while the output is still stalled: once every connection
        // is closed, the server must still not report itself stopped while
        // lines it holds are unwritten (a process exiting then would lose them).
        server.beginShutdown(gracePeriod: .seconds(1))
        while server.openConnections > 0 { try await Task.sleep(for: .milliseconds(10)) }
        let stopped = Locked(false)
        let shutdown = Task.detached {
            await server.waitUntilStopped()
            stopped.withLock { $0 = true }
        }
        try await Task.sleep(for: .milliseconds(300))
        let stoppedEarly = stopped.withLock { $0 }
        #expect(!stoppedEarly, "stopped with its log lines unwritten")

        // Now read it: the backlog is written, not dropped, and then the server stops.
        let readEnd = ends[0]
        let reader = Task.detached { () -> Int in
            var newlines = 0
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n <= 0 { break }
                newlines += buffer[0..<n].filter { $0 == 0x0A }.count
                if newlines >= 1000 { break }
            }
            return newlines
        }
        await shutdown.value
        #expect(await reader.value == 1000)
    }

    /// The backlog bound (`accessLogBacklogBytes`, 4 MiB by default; 16 KiB here, so the test needs
    /// hundreds of lines, not tens of thousands): with the output stalled,
    /// lines past it are dropped, the server keeps answering, and once the
    /// output moves a warning says how many were lost, so the lines written
    /// plus the lines reported dropped are exactly the requests served.
    @Test func linesPastTheBacklogAreDroppedAndCounted() async throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let (readEnd, writeEnd) = (ends[0], ends[1])
        defer { close(readEnd) }
        let server = try startServer(logTo: writeEnd, backlog: 16 * 1024)
        // Nobody reads: the pipe (64 KiB) and the backlog fill, and ~2,000
        // lines (~450 KB) cannot all wait.
        let answered = try load(port: server.boundPort, connections: 2, count: 2000)
        #expect(answered == 2000)

        let reader = Task.detached { () -> [UInt8] in
            var all: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n <= 0 { return all }
                all += buffer[0..<n]
            }
        }
        await server.shutdown(gracePeriod: .seconds(1))
        close(writeEnd)  // the reader sees the end once everything is written
        let lines = String(decoding: await reader.value, as: UTF8.self).split(separator: "\n")
        let objects = lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.count == lines.count, "every line whole and valid JSON")
        let requests = objects.filter { $0["msg"] as? String == "request" }.count
        let notices = objects.filter { $0["level"] as? String == "warning" }
        let dropped = notices.compactMap { $0["dropped"] as? Int }.reduce(0, +)
        #expect(!notices.isEmpty && dropped > 0, "a stalled output costs lines, and says so")
        #expect(requests + dropped == 2000)
    }

    /// A line longer than a batch (a path of 12,000 control characters is
    /// 72,000 bytes escaped) goes out whole, in its place between the others.
    @Test func aLineLongerThanABatchIsWrittenWholeInOrder() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("access-long-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).log").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        defer {
            close(fd)
            unlink(path)
        }
        let writer = AccessLogWriter(descriptor: fd, format: .json, maxBacklogBytes: 4 * 1024 * 1024)
        writer.start()
        var buffer = AccessLogBuffer(writer: writer, format: .json, label: "http")
        let long = String(repeating: "\u{1}", count: 12_000)
        for (i, target) in ["/first", long, "/last"].enumerated() {
            buffer.append(
                AccessLogLine(
                    method: "GET", path: target, status: 200, bodyBytes: i, nanoseconds: 1000, requestID: "r\(i)",
                    remoteAddress: "127.0.0.1:1"))
        }
        buffer.flush()
        writer.finish()

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.contains { $0.utf8.count > AccessLogBuffer.batchBytes })
        let paths = lines.compactMap {
            (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["path"] as? String
        }
        #expect(paths == ["/first", long, "/last"])
    }
}
