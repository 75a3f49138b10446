import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The executable as a user meets it: `--help` names every setting,
/// `--version` answers, a taken port fails before the corpus loads.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `corpus-api`, built next to this test bundle by `swift test`.
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("corpus-api")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func helpListsEverySettingOfTheExampleConfiguration() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let help = try Self.run(["--help"]).out
        let example = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.root.appendingPathComponent("Config/corpus-api.json"))) as! [String: Any]
        #expect(example.count >= 18)
        for key in example.keys {
            #expect(help.contains("  \(key)  "), "--help does not list \(key)")
            #expect(help.contains("CORPUS_API_\(key.uppercased())"))
            #expect(help.contains("--\(key.replacingOccurrences(of: "_", with: "-"))"))
        }
    }

    /// The documented example configuration holds every setting `--help`
    /// lists, so a setting cannot be added without its line there.
    @Test func theExampleConfigurationHasEverySettingHelpLists() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let help = try Self.run(["--help"]).out
        let example = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.root.appendingPathComponent("Config/corpus-api.json"))) as! [String: Any]
        let listed = help.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 2, words[1] == "CORPUS_API_" + words[0].uppercased() else { return nil }
            return String(words[0])
        }
        #expect(listed.count >= 18)
        #expect(Set(listed) == Set(example.keys), "in --help only: \(Set(listed).subtracting(example.keys)); in the example only: \(Set(example.keys).subtracting(listed))")
    }

    /// A short admin token stops the start with the rule, before anything loads.
    @Test func anAdminTokenShorterThan16CharactersStopsTheStart() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let short = try Self.run(["--admin-token", "fifteen-chars-x", "--port", "0", "--log-format", "json"])
        #expect(short.status == 2)
        #expect(short.err.contains("admin_token: use at least 16 characters"), "\(short.err)")
        #expect(!short.out.contains("model loaded"))
    }

    /// An executable pins its dependencies: Package.resolved is in the
    /// repository (not ignored) and pins every package Package.swift names,
    /// and the container build resolves from it.
    @Test func dependenciesArePinnedForEveryCloneAndBuild() throws {
        let resolved = try JSONSerialization.jsonObject(
            with: Data(contentsOf: Self.root.appendingPathComponent("Package.resolved"))) as! [String: Any]
        let pins = (resolved["pins"] as? [[String: Any]] ?? []).compactMap { $0["location"] as? String }
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let urls = manifest.components(separatedBy: "url: \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(!urls.isEmpty)
        for url in urls { #expect(pins.contains(url), "Package.resolved does not pin \(url)") }
        let ignored = try String(contentsOf: Self.root.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(!ignored.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Package.resolved") || $0 == "/Package.resolved" })
        let dockerfile = try String(contentsOf: Self.root.appendingPathComponent("Dockerfile"), encoding: .utf8)
        #expect(dockerfile.contains("Package.resolved"))
        #expect(dockerfile.contains("--force-resolved-versions"))
    }

    @Test func versionMatchesTheAPIDescription() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let printed = try Self.run(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let spec = try String(contentsOf: Self.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        #expect(!printed.isEmpty)
        #expect(spec.contains("version: \"\(printed)\""))
    }

    /// The port is checked before the model is built: no "model loaded" line.
    @Test func aTakenPortFailsBeforeTheCorpusLoads() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(bound == 0)
        #expect(listen(fd, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try Self.run(["--port", String(port), "--log-format", "json"])
        #expect(result.status == 1)
        #expect(result.err.contains("cannot bind 127.0.0.1:\(port)"))
        #expect(!result.out.contains("model loaded"))
    }

    @Test func annotationsCanBeTurnedOffFromTheCommandLine() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build corpus-api first")
        let bad = try Self.run(["--annotations", "maybe"])
        #expect(bad.status == 2)
        #expect(bad.err.contains("annotations: must be true or false"))
    }
}
