import Corpus
import Foundation
import HTTPServer
import HTTPTypes
import Testing

@testable import CorpusAPI

/// What a hostile client may try through the API itself: guessing the admin
/// token, escaping the asset folder, injecting headers through reflected
/// values, and reading internals out of error bodies.
@Suite struct SecurityTests {
    let api = APIClient.shared
    static let token = "s3cret-admin-token-0123456789"

    static let admin: APIClient = {
        var config = APIConfiguration()
        config.adminToken = token
        return APIClient(configuration: config)
    }()

    // MARK: admin token

    @Test func adminReloadIsNotFoundWithoutAToken() {
        let response = api.request("/admin/reload", method: .post, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(response.status == 404)
    }

    @Test func anEmptyConfiguredTokenKeepsReloadOff() {
        var config = APIConfiguration()
        config.adminToken = ""
        let client = APIClient(configuration: config)
        #expect(client.request("/admin/reload", method: .post, headers: ["Authorization": "Bearer "]).status == 404)
    }

    @Test(arguments: [
        "",  // no header value at all
        "Bearer ",  // empty token
        "Bearer s3cret-admin-token-012345678",  // one byte short (a prefix)
        "Bearer s3cret-admin-token-01234567890",  // one byte long
        "Bearer s3cret-admin-token-0123456780",  // same length, last byte wrong
        "Bearer S3cret-admin-token-0123456789",  // same length, first byte wrong
        "bearer s3cret-admin-token-0123456789",  // scheme is case-sensitive here: refuse rather than guess
        "Basic s3cret-admin-token-0123456789",
        "s3cret-admin-token-0123456789",  // no scheme
        "Bearer  s3cret-admin-token-0123456789",  // extra space
    ])
    func wrongTokensAreUnauthorized(_ authorization: String) {
        let headers = authorization.isEmpty ? [:] : ["Authorization": authorization]
        let response = Self.admin.request("/admin/reload", method: .post, headers: headers)
        #expect(response.status == 401)
        #expect(!response.text.contains(Self.token))
    }

    @Test func theRightTokenReloads() {
        let response = Self.admin.request(
            "/admin/reload", method: .post, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(response.status == 200)
        #expect(!response.text.contains(Self.token))
    }

    /// The comparison folds every byte and the length into one difference, so
    /// it looks at all of the longer input whatever differs first.
    @Test func constantTimeCompareHandlesLengthAndContent() {
        let token = Array(Self.token.utf8)
        #expect(ConstantTime.equal(token, token))
        #expect(!ConstantTime.equal(token, Array(token.dropLast())))
        #expect(!ConstantTime.equal(Array(token.dropLast()), token))
        #expect(!ConstantTime.equal(token, token + [0]))
        #expect(!ConstantTime.equal([], token))
        #expect(ConstantTime.equal([], []))
        var flipped = token
        flipped[flipped.count - 1] ^= 1
        #expect(!ConstantTime.equal(token, flipped))
        // A length difference of 256 must not wrap to "same length".
        #expect(!ConstantTime.equal([UInt8](repeating: 0, count: 256), []))
        #expect(!ConstantTime.equal([UInt8](repeating: 0, count: 300), [UInt8](repeating: 0, count: 44)))
    }

    // MARK: static assets

    /// Paths as the server hands them to the application: percent-decoded.
    @Test(arguments: [
        "/assets/../../etc/passwd", "/assets/..%2f..%2fetc%2fpasswd", "/assets/%2e%2e/Package.swift",
        "/assets/%2e%2e%2f%2e%2e%2fPackage.swift", "/assets//etc/passwd", "/assets/%2fetc%2fpasswd",
        "/assets/index.html%00.png", "/assets/..", "/assets/.", "/..%2f..%2fetc/passwd", "/assets/....//....//etc/passwd",
        "/assets/%252e%252e%252fPackage.swift", "/assets/..\\..\\Package.swift",
    ])
    func assetsCannotEscapeTheirFolder(_ target: String) {
        let response = api.request(target)
        #expect(response.status == 404, "\(target) → \(response.status)")
        #expect(!response.text.contains("root:"))
        #expect(!response.text.contains("PackageDescription"))
    }

    // MARK: header injection

    @Test func queryValuesReflectedInLinkArePercentEncoded() throws {
        // A search term the links carry on, with CR LF in it; and cache
        // busters (`_`), which the links leave out altogether.
        let response = APIClient().request(
            "/v1/search?limit=1&q=china%0d%0a&_=%0d%0aSet-Cookie:%20x=1&_b=%0aX-Evil:%201")
        #expect(response.status == 200)
        let link = try #require(response.header("Link"))
        #expect(!link.contains("\r") && !link.contains("\n"))
        #expect(link.contains("q=china%0D%0A&"), "\(link)")
        #expect(!link.contains("Set-Cookie") && !link.contains("X-Evil"), "\(link)")
        for field in response.head.headerFields {
            #expect(!field.value.contains("\r") && !field.value.contains("\n"), "\(field.name)")
        }
        #expect(response.header("Set-Cookie") == nil && response.header("X-Evil") == nil)
    }

    // MARK: error bodies

    static let badRequests: [(String, HTTPRequest.Method, [String: String])] = [
        ("/v1/events?limt=5", .get, [:]), ("/v1/events?limit=-1", .get, [:]), ("/v1/events?limit=99999999999999999999", .get, [:]),
        ("/v1/events?from=2019-02-30", .get, [:]), ("/v1/events?from=2020&to=2010", .get, [:]),
        ("/v1/events?format=xml", .get, [:]), ("/v1/events", .get, ["Accept": "image/png"]),
        ("/v1/events/%00", .get, [:]), ("/v1/events/..%2f..%2f", .get, [:]), ("/v1/indicators?measure=%ff", .get, [:]),
        ("/v1/documents/nope/passages", .get, [:]), ("/v1/passages/x-p999", .get, [:]), ("/v1/citations/%0d%0a", .get, [:]),
        ("/v1/measures/nope/series", .get, [:]), ("/v1/documents?fields=../../", .get, [:]), ("/v1/citations?year=abc", .get, [:]),
        ("/v1/events?limit=1&limit=2", .get, [:]), ("/nope", .get, [:]), ("/v1/events", .delete, [:]),
        ("/admin/reload", .post, ["Authorization": "Bearer x"]), ("/assets/%2e%2e/Package.swift", .get, [:]),
        ("/v1/in-text-citations?resolved=maybe", .get, [:]), ("/v1/timeline?format=timelinejs&from=x", .get, [:]),
    ]

    @Test func problemBodiesLeakNoPathsTypesOrTraces() throws {
        var scanned = 0
        for client in [api, Self.admin] {
            for (target, method, headers) in Self.badRequests {
                let response = client.request(target, method: method, headers: headers)
                guard response.status >= 400 else { continue }
                scanned += 1
                #expect(response.header("Content-Type") == "application/problem+json", "\(target)")
                let body = response.text
                // The client's own path may be echoed (`instance`); anything else is ours.
                let echoed = APIClient.split(target).0
                let ours = body.replacingOccurrences(of: echoed, with: "")
                for needle in ["/work", "/root", "/home", "/tmp", ".swift", "Swift.", "Error(", "Fatal", "0x", "CorpusAPI.", "HTTPServer."] {
                    #expect(!ours.contains(needle), "\(method) \(target) leaks `\(needle)`: \(body)")
                }
                _ = try #require(response.problem, "\(target) body is problem JSON")
            }
        }
        #expect(scanned >= 40)
    }

    /// A failed reload explains itself by file name only, not by the absolute
    /// path of the corpus on the server.
    @Test func aFailedReloadNamesTheFileNotTheServerPath() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("security-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CorpusLoader.defaultCorpusDirectory, to: directory)
        defer { try? FileManager.default.removeItem(at: directory) }
        var config = APIConfiguration()
        config.adminToken = Self.token
        let client = APIClient(configuration: config, directory: directory)
        try Data("{".utf8).write(to: directory.appendingPathComponent("burkitbayevna-2019.json"))
        let response = client.request("/admin/reload", method: .post, headers: ["Authorization": "Bearer \(Self.token)"])
        #expect(response.status == 422)
        #expect(response.text.contains("burkitbayevna-2019.json"))
        #expect(!response.text.contains(directory.path), "\(response.text)")
    }
}
