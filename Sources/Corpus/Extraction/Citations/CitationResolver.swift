/// Matches an in-text citation to an entry of its document's reference list,
/// tolerating the mismatches real articles have: spelling (Wishnik ~
/// Wishnick), capitals (TIMOFEYEV ~ Timofeyev), organisations and partial
/// titles ("Joint Statement, 2005" ~ "China Russia Joint Statement. (2005)"),
/// years that differ when the name is unique (Salin 2021 ~ Salin 2016), a
/// year that is really an access date (web sources), and a/b suffixes (chosen
/// by locator when the pages fall in one entry's range).
struct Resolution: Sendable, Hashable {
    var referenceID: String?
    var match: String?
    var reason: String?
}

enum CitationResolver {
    /// Tiers of name evidence, strongest first.
    enum Tier: Int, CaseIterable {
        case author, fuzzyAuthor, title, rawText

        var label: String {
            switch self {
            case .author: return "author"
            case .fuzzyAuthor: return "author spelled differently"
            case .title: return "organisation or title words"
            case .rawText: return "words of the entry"
            }
        }
    }

    /// `entries` are the document's reference list with their words folded
    /// once (see `ReferenceWords`).
    static func resolve(
        authors: [String], year: Int?, yearSuffix: String?, locator: String?, context: String = "",
        shortTitle: String? = nil, undated: Bool = false, in entries: [ReferenceWords]
    ) -> Resolution {
        guard let name = authors.first, !entries.isEmpty else {
            return Resolution(reason: "no reference list in this document")
        }
        let cited = CitedName(name)
        var firstNonEmpty: (Tier, [Reference])?
        for tier in Tier.allCases {
            // Weak evidence (title words, raw text) only counts when no author
            // matched at all: once one did, the weak tiers change nothing (they
            // were computed only to stop at the first that found anything).
            if tier.rawValue > Tier.fuzzyAuthor.rawValue, let f = firstNonEmpty, f.0.rawValue <= Tier.fuzzyAuthor.rawValue { break }
            // By index: filtering the entries themselves copied each `ReferenceWords` per tier.
            var candidates: [Reference] = []
            for i in entries.indices where matches(cited, entries[i], tier) {
                candidates.append(entries[i].reference)
            }
            guard !candidates.isEmpty else { continue }
            if firstNonEmpty == nil { firstNonEmpty = (tier, candidates) }
            guard let year else {
                if candidates.count == 1 { return Resolution(referenceID: candidates[0].id, match: tier.label) }
                if let picked = pickWithoutYear(candidates, shortTitle: shortTitle, undated: undated) {
                    return Resolution(referenceID: picked.ref.id, match: tier.label + picked.note)
                }
                return Resolution(reason: "ambiguous: \(name) matches \(list(candidates)); no year to choose")
            }
            let sameYear = candidates.filter { years(of: $0).contains(year) }
            if let picked = pick(sameYear, year: year, suffix: yearSuffix, locator: locator, context: context) {
                let viaAccess = picked.ref.year != year ? ", year of access" : ""
                return Resolution(referenceID: picked.ref.id, match: tier.label + " and year" + viaAccess + picked.note)
            }
            if sameYear.count > 1 {
                return Resolution(reason: "ambiguous: \(name) \(year)\(yearSuffix ?? "") matches \(list(sameYear))")
            }
        }
        guard let (tier, candidates) = firstNonEmpty, let year else {
            let suggestion = closest(cited.words, entries).map { "; closest: \($0)" } ?? ""
            return Resolution(reason: "no reference by \(name)" + suggestion)
        }
        if candidates.count == 1 {
            let listed = candidates[0].year.map(String.init) ?? "no year"
            return Resolution(
                referenceID: candidates[0].id, match: "\(tier.label); year differs (cited \(year), listed \(listed))")
        }
        return Resolution(reason: "year \(year) not in list; \(name) found as \(list(candidates))")
    }

    /// Among entries of the right year: the one whose suffix, page range, or
    /// title words shared with the citing sentence single it out.
    static func pick(
        _ refs: [Reference], year: Int, suffix: String?, locator: String?, context: String
    ) -> (ref: Reference, note: String)? {
        if refs.count == 1 { return (refs[0], "") }
        guard refs.count > 1 else { return nil }
        if let suffix, let exact = refs.first(where: { $0.yearSuffix == suffix }) { return (exact, "") }
        if suffix == nil, let page = locator.flatMap(firstNumber) {
            let fits = refs.filter { ref in ref.page.flatMap(pageRange).map { $0.contains(page) } ?? false }
            if fits.count == 1 { return (fits[0], "; page \(page) within \(fits[0].page!)") }
        }
        // The sentence often names the work: "... prohibition of biological weapons (Joint Statement 2021a)".
        let sentence = Set(TextPattern.significantWords(context)).map(CitationWord.init)
        let scored = refs.map { ref -> (Int, [String], Reference) in
            let shared = Array(Set(TextPattern.significantWords(ref.title ?? "")).filter { w in
                w.count > 3 && sentence.contains { CitationWord.similar(CitationWord(w), $0) }
            }).sorted()
            return (shared.count, shared, ref)
        }.sorted { $0.0 > $1.0 }
        if scored[0].0 > 0 && scored[0].0 > scored[1].0 {
            return (scored[0].2, "; chosen by words shared with the sentence (\(scored[0].1.joined(separator: ", ")))")
        }
        return nil
    }

    /// Among works of one author cited with no year: the one whose title
    /// opens with (or holds) the short title ("Lukin, *Pivot* 45"), or for
    /// "n.d." the only one without a date.
    static func pickWithoutYear(_ refs: [Reference], shortTitle: String?, undated: Bool) -> (ref: Reference, note: String)? {
        if let shortTitle {
            let words = TextPattern.significantWords(shortTitle).map(CitationWord.init)
            if !words.isEmpty {
                let fits = refs.filter { ref in
                    let title = TextPattern.significantWords(ref.title ?? "").map(CitationWord.init)
                    return words.allSatisfy { w in title.contains { CitationWord.similar(w, $0) } }
                }
                if fits.count == 1 { return (fits[0], " and short title (\(shortTitle))") }
            }
        }
        if undated {
            let noDate = refs.filter { $0.year == nil }
            if noDate.count == 1 { return (noDate[0], " and no date") }
        }
        return nil
    }

    /// A cited name's folded words, its words that are not stopwords, and
    /// both as the tiers compare them, worked out once per citation.
    struct CitedName {
        let words: [String]
        let significant: [String]
        /// The words run together (赵文文 is cited as one word).
        let key: String
        let wordKeys: [CitationWord]
        let significantKeys: [CitationWord]

        init(_ name: String) {
            words = TextPattern.words(name)
            significant = words.filter { !TextPattern.stopwords.contains($0) }
            key = words.joined()
            wordKeys = words.map(CitationWord.init)
            significantKeys = significant.map(CitationWord.init)
        }
    }

    /// Whether the cited name points at `entry` on the evidence of `tier`.
    static func matches(_ name: CitedName, _ entry: ReferenceWords, _ tier: Tier) -> Bool {
        switch tier {
        case .author:
            if entry.families.contains(where: name.words.contains) { return true }
            if entry.familyGiven.contains(name.key) { return true }
            return entry.literals.contains(name.words)
        case .fuzzyAuthor:
            return name.wordKeys.contains { w in entry.familyKeys.contains { CitationWord.similar(w, $0) } }
        case .title:
            guard !name.significant.isEmpty else { return false }
            return name.significantKeys.allSatisfy { w in entry.titleKeys.contains { CitationWord.similar(w, $0) } }
        case .rawText:
            guard !name.significant.isEmpty else { return false }
            return name.significant.allSatisfy { entry.rawWords.contains($0) }
        }
    }

    /// A web source is cited by the year it was read as often as by its date.
    static func years(of ref: Reference) -> Set<Int> {
        Set([ref.year, ref.accessed?.year].compactMap { $0 })
    }

    static func list(_ refs: [Reference]) -> String { refs.map(\.id).joined(separator: ", ") }

    /// The entry whose first name (family, organisation or title words) is
    /// nearest in spelling, when it is near: at most a third of the name's
    /// letters differ (Kaczmarsky ~ Kaczmarski), else nil: an unrelated
    /// entry is no suggestion.
    static func closest(_ nameWords: [String], _ entries: [ReferenceWords]) -> String? {
        let key = CitationWord(nameWords.joined(separator: " "))
        // The words are never empty, so splitting `key` at spaces gives them back.
        let keyWords = max(1, nameWords.count)
        // The first entry at the smallest distance (as `min(by:)` picks); a
        // later one only counts when nearer, so its distance need only be
        // known up to one less than the best so far.
        var best: (distance: Int, id: String)?
        for i in entries.indices {
            let label = entries[i].label(words: keyWords)
            if let known = best {
                let d = CitationWord.distance(key, label, limit: known.distance - 1)
                if d < known.distance { best = (d, entries[i].reference.id) }
            } else {
                best = (CitationWord.distance(key, label), entries[i].reference.id)
            }
        }
        guard let best, best.distance <= max(1, key.text.unicodeScalars.count / 3) else { return nil }
        return best.id
    }

    static func firstNumber(_ s: String) -> Int? {
        TextPattern.firstMatch("(\\d+)", in: s).flatMap { $0[1] }.flatMap { Int($0) }
    }

    /// "101-25" → 101...125; "1557-1563" → 1557...1563.
    static func pageRange(_ s: String) -> ClosedRange<Int>? {
        guard let m = TextPattern.firstMatch("(\\d+)\\s*[-–]\\s*(\\d+)", in: s), let a = Int(m[1]!) else { return nil }
        let endDigits = m[2]!
        var b = Int(endDigits) ?? a
        if b < a {
            let prefix = String(m[1]!.dropLast(endDigits.count))
            b = Int(prefix + endDigits) ?? a
        }
        return b >= a ? a...b : nil
    }
}
