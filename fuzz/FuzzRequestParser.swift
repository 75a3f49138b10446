// libFuzzer entry point for HTTPRequestParser, compiled together with the
// parser's sources by run-parser-fuzzer.sh (not part of the Swift package).
//
// Beyond "never crash", it checks one property: feeding the input whole and
// feeding it in two uneven pieces, then byte by byte, yields the same
// outcomes. Incremental parsing must never disagree with one-shot parsing,
// or a request's meaning would depend on how TCP happened to split it.
//
// Each input is parsed twice over: as it is (a stream of requests), and as
// the body of a chunked POST (a fixed head, then the input), so every input
// also drives the chunk decoder: sizes, extensions, data, CRLFs, trailers,
// and whatever is pipelined after the body.

/// A comparable summary of one outcome.
private enum Summary: Equatable {
    case request(method: String, path: String, query: [QueryItem], body: [UInt8], keepAlive: Bool)
    case error(HTTPParseError)
}

private let chunkedHead = Array("POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)

private func outcomes(_ input: UnsafeBufferPointer<UInt8>, pieces: [Int]) -> [Summary] {
    var limits = HTTPRequestParser.Limits()
    limits.maxRequestLineBytes = 256
    limits.maxHeaderBytes = 1024
    limits.maxHeaderCount = 16
    limits.maxBodyBytes = 1024
    var parser = HTTPRequestParser(limits: limits)
    var result: [Summary] = []
    var offset = 0
    func drain() -> Bool {
        while result.count < 64 {
            switch parser.next() {
            case .needMoreData: return true
            case .request(let request, let keepAlive):
                precondition(!request.path.isEmpty || request.head.method == .connect)
                result.append(.request(
                    method: request.head.method.rawValue, path: request.path, query: request.query,
                    body: request.body, keepAlive: keepAlive))
            case .error(let error):
                precondition(error.closesConnection)
                result.append(.error(error))
                return false
            }
        }
        return false
    }
    for size in pieces + [input.count] {
        let end = min(input.count, offset + size)
        parser.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[offset..<end])))
        offset = end
        if !drain() || offset == input.count { break }
    }
    return result
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    let seed = size > 0 ? Int(input[0]) : 0
    checkSplitInvariance(input, seed: seed)
    let asChunkedBody = chunkedHead + input
    asChunkedBody.withUnsafeBufferPointer { checkSplitInvariance($0, seed: seed) }
    return 0
}

/// `seed` (the input's first byte) picks where the two-piece feed splits.
private func checkSplitInvariance(_ input: UnsafeBufferPointer<UInt8>, seed: Int) {
    let size = input.count
    let whole = outcomes(input, pieces: [])
    let split = seed % (size + 1)
    let twoPieces = outcomes(input, pieces: [split])
    precondition(whole == twoPieces, "split at \(split) changed the outcome: \(whole) vs \(twoPieces)")
    if size <= 512 {
        let bytewise = outcomes(input, pieces: Array(repeating: 1, count: size))
        precondition(whole == bytewise, "byte-at-a-time changed the outcome: \(whole) vs \(bytewise)")
    }
}
