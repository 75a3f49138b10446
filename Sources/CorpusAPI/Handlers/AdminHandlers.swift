import Corpus
import Foundation

/// `POST /admin/reload`: off unless a token is configured (then every
/// method gets the same 404 saying how to turn it on); with one, a
/// bearer token compared in constant time, so response timing does not leak
/// how much of a guess was right. The token is never logged.
enum AdminHandlers {
    static let reloadPath = "/admin/reload"


    static func reload(_ context: RequestContext) throws(APIError) -> APIResult {
        guard let token = context.services.configuration.adminToken, !token.isEmpty else {
            throw .adminReloadDisabled
        }
        let header = context.request.head.headerFields[.authorization] ?? ""
        let prefix = "Bearer "
        let presented = header.hasPrefix(prefix) ? String(header.dropFirst(prefix.count)) : ""
        guard ConstantTime.equal(Array(presented.utf8), Array(token.utf8)) else { throw .unauthorized }
        let outcome = context.services.store.reload()
        context.services.metrics.reloadAttempted(outcome.status)
        if outcome.status == .failed { throw .reloadFailed(reason: outcome.message) }
        context.services.metrics.modelLoaded(context.services.store.current, generation: outcome.generation)
        return .json(
            .object([
                ("result", .string(outcome.status.rawValue)), ("version", .string(outcome.version)),
                ("generation", .int(outcome.generation)), ("message", .string(outcome.message)),
            ]), cacheable: false)
    }
}

enum ConstantTime {
    /// Compares every byte whatever differs first; the length difference is
    /// folded in rather than returned early.
    static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: a.count ^ b.count)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= x ^ y
        }
        return difference == 0 && a.count == b.count
    }
}
