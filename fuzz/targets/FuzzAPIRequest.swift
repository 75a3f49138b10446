// libFuzzer entry point for the whole API behind the parser: fuzz bytes are
// parsed as HTTP/1.1 by `HTTPRequestParser` (so path and query are decoded
// exactly as on the wire) and every request that parses is answered by
// `CorpusAPIApplication.respond(to:)` on the default corpus. That covers
// routing, query validation (`QueryParameters`, `Page`, `DateWindow`, the
// filters), format negotiation (`format=`, `Accept`), rendering, ETags and gzip.
//
// Properties checked, beyond "never crash":
// - no response is a 5xx (with no admin token nothing may fail server-side);
// - a body whose content type says JSON (and is not gzip-encoded) parses as JSON;
// - no response header value carries CR, LF or NUL (no header injection).
import Corpus
import CorpusAPI
import Foundation
import HTTPServer
import HTTPTypes

private let app: CorpusAPIApplication = {
    let store = try! ModelStore(directory: CorpusLoader.defaultCorpusDirectory)
    return CorpusAPIApplication(
        services: APIServices(store: store, configuration: APIConfiguration(), metrics: APIMetrics()))
}()

private func check(_ request: ServerRequest, _ response: ServerResponse) {
    let status = Int(response.head.status.code)
    precondition(status < 500, "\(status) for \(request.head.method.rawValue) \(request.path) \(request.query)")
    for field in response.head.headerFields {
        precondition(
            !field.value.utf8.contains(where: { $0 == 13 || $0 == 10 || $0 == 0 }),
            "header \(field.name) carries CR/LF/NUL: \(field.value.debugDescription)")
    }
    let contentType = response.head.headerFields[.contentType] ?? ""
    let encoded = response.head.headerFields[.contentEncoding] != nil
    if contentType.contains("json"), !encoded, status != 304, !response.body.isEmpty {
        let valid = (try? JSONSerialization.jsonObject(with: Data(response.body), options: [.fragmentsAllowed])) != nil
        precondition(valid, "\(contentType) body is not JSON for \(request.path) \(request.query)")
    }
}

/// Loads the corpus before the first input, outside libFuzzer's per-input timeout.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzAPIInitialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> CInt {
    _ = app
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAPIRequest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = app
    var parser = HTTPRequestParser()
    parser.append(UnsafeRawBufferPointer(start: data, count: size))
    for _ in 0..<8 {
        guard case .request(let request, _) = parser.next() else { break }
        check(request, app.respond(to: request))
    }
    return 0
}
