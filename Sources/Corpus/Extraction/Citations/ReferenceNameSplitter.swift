/// Reads an author or editor list as printed into CSL names, in every order
/// the styles use: "Family, G.", "Family, Given", "G. Family", "Given Family",
/// "Family GH" (Vancouver), "FAMILY I. A." (GOST), lists joined by ",", ";",
/// "and" or "&", particles ("van", "de la"), "et al.", and organisations,
/// which become one `literal`.
enum ReferenceNameSplitter {
    /// A short list cut at " and " and " & ": "Larson and Shevchenko" → "Larson", "Shevchenko".
    static func splitAtConjunctions(_ s: String) -> [String] {
        ByteSearch.split(s, at: " and ").flatMap { ByteSearch.split($0, at: " & ") }
    }

    static func names(_ text: String) -> [CSLName] {
        var s = text
        for mark in ["et al.", "et al", "[et al.]", "и др.", "等"] { s = s.replacingOccurrences(of: mark, with: " ") }
        s = s.replacingOccurrences(of: ";", with: " | ")
        // Citation numbers ("[71]", "1") are no part of a name.
        let words = s.split(whereSeparator: \.isWhitespace).map(String.init)
            .filter { !TextPattern.trim($0, "[]().,").allSatisfy(\.isNumber) }
        // An organisation's name may hold "and": read it whole.
        if isOrganisation(words) && !words.contains(where: isInitials) {
            let name = TextPattern.trim(words.joined(separator: " "), " ,.;:")
            return name.isEmpty ? [] : [.organisation(name)]
        }
        // Conjunctions split the list as a ";" would; noise words ("(eds.)", "by") go.
        var chunks: [[String]] = [[]]
        for w in words {
            let bare = TextPattern.trim(w, "()[],.:").lowercased()
            if w == "|" || Lexicon.nameConjunctions.contains(bare) && bare != "a" && bare != "e" && bare != "i" && bare != "y" || w == "&" {
                if var last = chunks[chunks.count - 1].last, last.hasSuffix(",") {
                    last.removeLast()
                    chunks[chunks.count - 1][chunks[chunks.count - 1].count - 1] = last
                }
                chunks.append([])
                continue
            }
            if Lexicon.nameListNoise.contains(bare) || bare.isEmpty { continue }
            chunks[chunks.count - 1].append(w)
        }
        var out: [CSLName] = []
        for chunk in chunks where !chunk.isEmpty {
            let text = chunk.joined(separator: " ")
            if isOrganisation(chunk) {
                out.append(.organisation(TextPattern.trim(text, " ,.;:")))
                continue
            }
            let parts = text.split(separator: ",").map(trimPart).filter { !$0.isEmpty }
            out += people(parts).map(titleCased)
        }
        return out
    }

    /// A part without the punctuation around it; the full stop of a final initial stays ("D. W.").
    static func trimPart(_ part: Substring) -> String {
        let t = TextPattern.trim(String(part), " ;:")
        let last = t.split(separator: " ").last.map(String.init) ?? ""
        return isInitials(last) && t.hasSuffix(".") ? t : TextPattern.trim(t, " .")
    }

    /// A family name printed in capitals (GOST, French styles) in title case: "TIMOFEYEV" → "Timofeyev".
    static func titleCased(_ name: CSLName) -> CSLName {
        guard let family = name.family, family.unicodeScalars.filter(\.properties.isAlphabetic).count > 1,
            family == family.uppercased(), family != family.lowercased()
        else { return name }
        let cased = family.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.split(separator: "-", omittingEmptySubsequences: false).map { $0.prefix(1) + $0.dropFirst().lowercased() }.joined(separator: "-")
        }.joined(separator: " ")
        return .person(cased, name.given)
    }

    /// Whether printed "names" read as a title: quoted, naming a kind of
    /// document (Treaty, Joint Statement), or with a word in lower case that
    /// is no particle, conjunction, editor mark or the minor word of a name
    /// ("nuclear energy chief", but not "Council of Economic Advisers").
    static func readsAsTitle(_ printed: String) -> Bool {
        if readsAsTitleByItsMarks(printed) { return true }
        return printed.split(separator: " ").contains { word in
            let bare = TextPattern.trim(String(word), "()[],.:;")
            guard let first = bare.unicodeScalars.first, first.properties.isLowercase else { return false }
            return !Lexicon.nameParticles.contains(bare) && !Lexicon.nameConjunctions.contains(bare)
                && !Lexicon.nameListNoise.contains(bare) && !Lexicon.titleMinorWords.contains(bare)
        }
    }

    /// Whether the text has a title's quotes or a document word (Treaty, Declaration…): not
    /// an organisation's name, however its words are written.
    static func readsAsTitleByItsMarks(_ printed: String) -> Bool {
        // A quote, not an apostrophe between letters ("D’Aulnoy", "O'Neill").
        let scalars = Array(printed.unicodeScalars)
        for (i, c) in scalars.enumerated() where "\"“”«»‘’".unicodeScalars.contains(c) {
            let between = c == "’" && i > 0 && i + 1 < scalars.count && scalars[i - 1].properties.isAlphabetic && scalars[i + 1].properties.isAlphabetic
            if !between { return true }
        }
        return TextPattern.matches(ReferenceParser.treatyPattern, printed, options: .caseInsensitive)
    }

    /// An organisation's word ("Ministry", "Council"), or "of"/"for" between capitalised words
    /// ("Port Authority of Vardø", "Friends for Harbours").
    static func isOrganisation(_ words: [String]) -> Bool {
        if words.contains(where: { Lexicon.organisationWords.contains(TextPattern.trim($0, "()[],.:;").lowercased()) }) { return true }
        return words.indices.dropFirst().dropLast().contains { i in
            (words[i] == "of" || words[i] == "for") && [words[i - 1], words[i + 1]].allSatisfy { $0.unicodeScalars.first?.properties.isUppercase == true }
                && !words[i - 1].hasSuffix(",")
        }
    }

    /// Comma-separated parts of one chunk, read in pairs where a part is a given name.
    static func people(_ parts: [String]) -> [CSLName] {
        var out: [CSLName] = []
        var i = 0
        while i < parts.count {
            let words = parts[i].split(separator: " ").map(String.init)
            let groups = familyInitialGroups(words)
            if groups.count > 1 {
                // "Liu SM Zhong J Zhao XJ": several "Family Initials" with no comma between.
                out += groups.map { .person($0.family, $0.given) }
                i += 1
            } else if words.count > 1, let split = familyThenInitials(words) {
                out.append(.person(split.family, split.given))
                i += 1
            } else if words.count > 1, isInitials(words[0]) || (i + 1 < parts.count && !isGiven(parts[i + 1])) || i + 1 == parts.count {
                out.append(givenFirst(words))
                i += 1
            } else if i + 1 < parts.count, isGiven(parts[i + 1]) {
                out.append(.person(parts[i], parts[i + 1]))
                i += 2
            } else {
                out.append(.person(parts[i]))
                i += 1
            }
        }
        return out.filter { !($0.family ?? "").isEmpty }
    }

    /// "Peters OA", "Pérez-Higueras JJ", "IVANOV I. I.", "de la Macorra JC": a family name, then initials.
    static func familyThenInitials(_ words: [String]) -> (family: String, given: String)? {
        guard !isInitials(words[0]) || Lexicon.nameParticles.contains(words[0]) else { return nil }
        var k = words.count
        while k > 1 && isInitials(words[k - 1]) { k -= 1 }
        guard k < words.count, k >= 1 else { return nil }
        return (words[..<k].joined(separator: " "), words[k...].joined(separator: " "))
    }

    /// Runs of "Family Initials" in one part, when every run ends in initials.
    static func familyInitialGroups(_ words: [String]) -> [(family: String, given: String)] {
        var groups: [(family: String, given: String)] = []
        var family: [String] = [], given: [String] = []
        for w in words {
            if isInitials(w) && !family.isEmpty {
                given.append(w)
            } else {
                if !given.isEmpty {
                    groups.append((family.joined(separator: " "), given.joined(separator: " ")))
                    family = []
                    given = []
                }
                family.append(w)
            }
        }
        guard !given.isEmpty else { return [] }
        groups.append((family.joined(separator: " "), given.joined(separator: " ")))
        return groups.allSatisfy({ !$0.family.contains(" ") || $0.family.split(separator: " ").count <= 2 }) ? groups : []
    }

    /// "Nicholas B. Adams", "J. van Dijk": the family name is the last word with its particles.
    static func givenFirst(_ words: [String]) -> CSLName {
        var k = words.count - 1
        while k > 0 && Lexicon.nameParticles.contains(words[k - 1]) { k -= 1 }
        return .person(words[k...].joined(separator: " "), words[..<k].joined(separator: " "))
    }

    /// Initials: "J.", "J.-P.", "JJ", "O.A.", "И.И." (one to three capitals, dots and hyphens).
    static func isInitials(_ word: String) -> Bool {
        let w = TextPattern.trim(word, "(),;:")
        let letters = w.unicodeScalars.filter { $0 != "." && $0 != "-" && $0 != "‐" }
        guard !letters.isEmpty, letters.count <= 3, letters.allSatisfy(\.properties.isUppercase) else { return false }
        return w.contains(".") || letters.count <= 3 && w.unicodeScalars.count == letters.count && letters.count >= 1
    }

    /// A part that is a given name: initials, or one or two capitalised words ending in initials ("Nicholson B.").
    static func isGiven(_ part: String) -> Bool {
        let words = part.split(separator: " ").map(String.init)
        if words.allSatisfy(isInitials) { return true }
        guard words.count <= 3, let last = words.last else { return false }
        let capitalised = words.allSatisfy { $0.unicodeScalars.first?.properties.isUppercase ?? false }
        return capitalised && (isInitials(last) || words.count == 1)
    }
}
