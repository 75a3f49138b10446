import Foundation

/// Every knob of the server in one value, filled once at start.
///
/// The defaults are chosen for a read-only JSON API behind nothing: small
/// requests, many keep-alive clients, and hostile peers that should cost us
/// little (slowloris, slow readers, oversized heads).
public struct HTTPServerConfiguration: Sendable {
    /// Address to bind. `127.0.0.1` keeps a development server private;
    /// use `0.0.0.0` or `::` to listen on every interface, `::1` for IPv6 loopback.
    public var host: String = "127.0.0.1"
    /// Port to bind; `0` asks the kernel for an ephemeral port (read it back with `HTTPServer.boundPort`).
    public var port: Int = 8080
    /// `listen(2)` backlog. 511 is nginx's default; the kernel caps it at `somaxconn`.
    public var backlog: Int = 511
    /// Number of event loops (threads). One per usable core (the affinity mask
    /// counts, so `taskset -c 0` gives one): a responder runs on
    /// its connection's loop, so more loops than cores only adds switching.
    public var eventLoops: Int = ProcessorCount.available
    /// Connections served at once. Beyond it a client gets a fixed 503 and is
    /// closed, so a flood degrades into fast refusals instead of fd exhaustion.
    public var maxConnections: Int = 1024
    /// Time allowed to receive a whole header section once its first byte has
    /// arrived (and for a new connection to send one). 10 s is long enough for a
    /// slow mobile link and short enough that 1,000 slowloris sockets cost nothing.
    public var headerTimeout: Duration = .seconds(10)
    /// How long a keep-alive connection may sit idle between requests. Also the
    /// stall limit while a request body trickles in.
    public var idleTimeout: Duration = .seconds(30)
    /// How long a write may make no progress before the connection is dropped.
    public var writeTimeout: Duration = .seconds(30)
    /// Requests served on one connection before we answer with `Connection: close`,
    /// so long-lived clients rebalance across loops now and then.
    public var maxRequestsPerConnection: Int = 10_000
    /// Longest request line (method, target, version). Longer gets 414.
    public var maxRequestLineBytes: Int = 8 * 1024
    /// Largest header section, request line excluded. Larger gets 431.
    public var maxHeaderBytes: Int = 32 * 1024
    /// Most header fields in one request. More gets 431.
    public var maxHeaderCount: Int = 100
    /// Largest request body. Larger gets 413 before any of it is read.
    public var maxBodyBytes: Int = 1024 * 1024
    /// Time `shutdown()` lets in-flight requests finish before closing everything.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Bound on response bytes queued for one connection. A client that
    /// pipelines requests but reads slowly stops being read (and its requests
    /// stop being answered) while its pending output is above this.
    public var maxBufferedResponseBytes: Int = 1024 * 1024
    /// After we decide to close a connection (an error, `Connection: close`), we
    /// keep draining what the peer sends for at most this long, so our last
    /// response is not destroyed by a TCP reset.
    public var lingerTimeout: Duration = .seconds(2)
    /// One access-log line per request, at `info` under the logger's label
    /// (off when the logger is set above `info`). Lines are batched per event
    /// loop and written by a thread of their own (`AccessLogWriter`).
    public var accessLog: Bool = true
    /// The spelling of those lines; match the service's log handler.
    public var accessLogFormat: AccessLogFormat = .json
    /// Where the lines go: stdout, like the service's other log lines (tests use a pipe).
    var accessLogDescriptor: Int32 = 1
    /// Lines waiting for a stalled output beyond this are dropped and counted
    /// (`AccessLogWriter`). 4 MiB, about 18,000 lines: several seconds of a
    /// busy server's log, enough to ride out a log shipper's hiccup without
    /// holding unbounded memory. Tests make it small.
    var accessLogBacklogBytes = 4 * 1024 * 1024

    public init() {}

    /// A configuration for `host:port` with every other knob at its default.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }
}
