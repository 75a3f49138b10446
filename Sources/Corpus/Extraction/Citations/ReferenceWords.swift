/// The words of one reference entry that citation matching compares against,
/// folded once per document rather than once per citation and tier: folding
/// them per comparison was a fifth of the time to load the default corpus.
/// A class (immutable: `let`s of `Sendable` values, so `Sendable`) because
/// the resolver reads every entry per citation and tier, and as a struct each
/// read copied all seven fields.
final class ReferenceWords: Sendable {
    let reference: Reference
    /// Lowercased family names of the authors.
    let families: [String]
    /// Family and given name run together (赵文文 is cited as one word).
    let familyGiven: [String]
    /// Words of each organisation or literal author name.
    let literals: [[String]]
    /// Words of the title, container, original title, note and organisations.
    let titleWords: [String]
    /// Every word of the entry as printed.
    let rawWords: Set<String>
    /// Words of the name an unresolved citation is compared with (first
    /// family, organisation, title or the entry itself), for "closest: …".
    let labelWords: [String]
    /// `families` and `titleWords` for `CitationWord.similar`.
    let familyKeys: [CitationWord]
    let titleKeys: [CitationWord]
    /// The first one to `labelPrefixCount` label words joined by spaces (a
    /// cited name is rarely longer): `closest` compares one per citation.
    let labelPrefixes: [CitationWord]
    static let labelPrefixCount = 4

    init(_ ref: Reference) {
        reference = ref
        families = ref.author.compactMap { $0.family?.lowercased() }
        familyGiven = ref.author.compactMap { a in a.family.map { $0.lowercased() + (a.given ?? "").lowercased() } }
        literals = ref.author.compactMap(\.literal).map(TextPattern.words)
        titleWords = TextPattern.words(
            [ref.title, ref.containerTitle, ref.originalTitle, ref.note].compactMap { $0 }.joined(separator: " ")
                + " " + ref.author.compactMap(\.literal).joined(separator: " "))
        rawWords = Set(TextPattern.words(ref.raw))
        labelWords = TextPattern.words(ref.author.first?.family ?? ref.author.first?.literal ?? ref.title ?? ref.raw)
        familyKeys = families.map(CitationWord.init)
        titleKeys = titleWords.map(CitationWord.init)
        var prefixes: [CitationWord] = []
        var joined = ""
        for word in labelWords.prefix(Self.labelPrefixCount) {
            joined += prefixes.isEmpty ? word : " " + word
            prefixes.append(CitationWord(joined))
        }
        labelPrefixes = prefixes
    }

    /// `labelWords.prefix(count).joined(separator: " ")`.
    func label(words count: Int) -> CitationWord {
        let n = min(count, labelWords.count)
        if n == 0 { return CitationWord("") }
        return n <= labelPrefixes.count ? labelPrefixes[n - 1] : CitationWord(labelWords.prefix(n).joined(separator: " "))
    }
}
