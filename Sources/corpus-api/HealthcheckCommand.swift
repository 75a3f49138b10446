import ArgumentParser
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `corpus-api healthcheck`: GET /healthz on the configured port over a
/// plain socket; exit 0 on a 200, 1 otherwise. The container image runs it
/// as its HEALTHCHECK, so it needs no curl.
struct HealthcheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "healthcheck",
        abstract: "Exit 0 when the local server answers GET /healthz with 200 (for container health checks).")

    @Option(help: "Port to check (default: the configured port, e.g. CORPUS_API_PORT)") var port: Int?
    @Option(help: "Seconds to wait for an answer") var timeout: Double = 3

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let configured = Int(env["CORPUS_API_PORT"] ?? "") ?? 8080
        let target = port ?? configured
        guard let status = Self.probe(port: target, path: "/healthz", timeout: timeout) else {
            print("healthcheck: no answer on 127.0.0.1:\(target)")
            throw ExitCode(1)
        }
        guard status == 200 else {
            print("healthcheck: /healthz answered \(status)")
            throw ExitCode(1)
        }
        print("healthcheck: ok")
    }

    /// The status code of a GET, or nil when nothing answered in time.
    static func probe(port: Int, path: String, timeout: Double) -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nUser-Agent: corpus-api-healthcheck\r\n\r\n".utf8)
        guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 512)
        let n = recv(fd, &buffer, buffer.count, 0)
        guard n >= 12 else { return nil }
        // "HTTP/1.1 200 OK"
        return Int(String(decoding: buffer[9..<12], as: UTF8.self))
    }
}
