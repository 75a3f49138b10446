#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin wrappers over the POSIX socket calls the server makes, with errno
/// read right after the failing call (anything in between may clobber it).
enum Socket {
    /// A listening, non-blocking, close-on-exec TCP socket bound to `host:port`.
    /// Returns the descriptor and the port actually bound.
    static func listen(host: String, port: Int, backlog: Int32) throws(HTTPServerError) -> (fd: Int32, port: Int) {
        guard (0...65535).contains(port) else { throw .invalidAddress(host: host, port: port) }
        var storage = sockaddr_storage()
        let length: socklen_t
        let family: Int32
        if let v4 = ipv4Address(host, port: port) {
            withUnsafeMutableBytes(of: &storage) { raw in raw.storeBytes(of: v4, as: sockaddr_in.self) }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            family = AF_INET
        } else if let v6 = ipv6Address(host, port: port) {
            withUnsafeMutableBytes(of: &storage) { raw in raw.storeBytes(of: v6, as: sockaddr_in6.self) }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            family = AF_INET6
        } else {
            throw .invalidAddress(host: host, port: port)
        }

        let fd = socket(family, socketType(SOCK_STREAM) | socketType(SOCK_NONBLOCK) | socketType(SOCK_CLOEXEC), 0)
        if fd < 0 { throw .cannotBind(host: host, port: port, reason: errorString(errno)) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        if bound != 0 {
            let reason = errorString(errno)
            close(fd)
            throw .cannotBind(host: host, port: port, reason: reason)
        }
        if Glibc.listen(fd, backlog) != 0 {
            let reason = errorString(errno)
            close(fd)
            throw .cannotBind(host: host, port: port, reason: reason)
        }
        return (fd, localPort(fd) ?? port)
    }

    @inline(__always)
    static func socketType(_ type: __socket_type) -> Int32 { Int32(bitPattern: type.rawValue) }

    private static func ipv4Address(_ host: String, port: Int) -> sockaddr_in? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let name = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, name, &address.sin_addr) == 1 else { return nil }
        return address
    }

    private static func ipv6Address(_ host: String, port: Int) -> sockaddr_in6? {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(UInt16(port).bigEndian)
        var name = host
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        guard inet_pton(AF_INET6, name, &address.sin6_addr) == 1 else { return nil }
        return address
    }

    static func localPort(_ fd: Int32) -> Int? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        return describe(storage).port
    }

    /// `127.0.0.1:53122` or `[::1]:53122`, for logs.
    static func describe(_ storage: sockaddr_storage) -> (text: String, port: Int) {
        var storage = storage
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(storage.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                    var addr = sin.pointee.sin_addr
                    inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
                    let port = Int(UInt16(bigEndian: sin.pointee.sin_port))
                    return (cString(buffer) + ":" + String(port), port)
                }
            }
        case AF_INET6:
            return withUnsafePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
                    var addr = sin6.pointee.sin6_addr
                    inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
                    let port = Int(UInt16(bigEndian: sin6.pointee.sin6_port))
                    return ("[" + cString(buffer) + "]:" + String(port), port)
                }
            }
        default:
            return ("-", 0)
        }
    }

    static func setNonBlockingCloseOnExec(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    /// Small responses go out at once: Nagle would hold a pipelined answer back.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    private static func cString(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func errorString(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Errors `HTTPServer.start()` can throw, worded for an operator.
public enum HTTPServerError: Error, Sendable, CustomStringConvertible {
    case invalidAddress(host: String, port: Int)
    case cannotBind(host: String, port: Int, reason: String)
    case alreadyStarted
    case cannotStartEventLoop(reason: String)

    public var description: String {
        switch self {
        case .invalidAddress(let host, let port):
            "cannot bind \(host):\(port): not a numeric IPv4 or IPv6 address"
        case .cannotBind(let host, let port, let reason):
            "cannot bind \(host):\(port): \(reason)"
        case .alreadyStarted:
            "the server was already started"
        case .cannotStartEventLoop(let reason):
            reason
        }
    }
}
