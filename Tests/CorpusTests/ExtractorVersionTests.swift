import Foundation
import Testing

@testable import Corpus

/// The cache's extractor version follows the golden dumps: if extraction
/// output changed (the dumps were regenerated) the version must have changed
/// with it, or a warm cache would serve the old results.
@Suite struct ExtractorVersionTests {
    @Test func theVersionNamesTheGoldenDumpsItWasMadeFor() throws {
        let directory = GoldenDumpTests.goldenDirectory
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".dump") }.sorted()
        #expect(!names.isEmpty)
        var hasher = SHA256()
        for name in names {
            hasher.update(Data((name + "\n").utf8))
            hasher.update(try Data(contentsOf: directory.appendingPathComponent(name)))
        }
        let digest = hasher.finalize()
        #expect(
            digest == ExtractorVersion.goldenDigest,
            "the golden dumps changed but ExtractorVersion did not: run scripts/update-golden (it writes goldenDigest = \(digest))")
    }
}
