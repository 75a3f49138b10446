/// The version of what extraction produces, part of every cache key.
///
/// It is derived from the golden model dumps (`Tests/Fixtures/golden`), the
/// record of what extraction produces on the default corpus and the fixture
/// articles: `scripts/update-golden` rewrites `goldenDigest` whenever it
/// rewrites the dumps, so a change of extraction output changes the version
/// in the same commit, and every cached entry then misses once and is
/// re-extracted. `ExtractorVersionTests` fails when the dumps and the digest
/// disagree. A change that alters output on no golden article should bump
/// `revision` by hand (no dump can notice it).
public enum ExtractorVersion {
    /// SHA-256 over the golden dumps in name order, each as its file name, a
    /// newline and its bytes (`scripts/update-golden` computes it the same way).
    static let goldenDigest = "78c89e04fa5498f86ff1227d831e66bdfe838dff46d1b7bff371e3b3716ebbd1"
    /// Bumped by hand only for an output change the golden dumps cannot see.
    static let revision = 2

    public static let current = "golden-\(goldenDigest.prefix(16))-r\(revision)"
}
