/// Finds the figures in one sentence: a number in digits or words (or a
/// fraction, "two-thirds of"), its currency, scale and unit from the
/// `Lexicon`, the hedge before it and whether it is a change, a share or
/// one end of "from X to Y".
///
/// What is not a figure: years and days of dates, durations ("five months"),
/// ordinals ("eighth", "14th"), identifiers ("No. 7", "Article 3", "Law No.
/// 173-FZ", "pp. 88–90", "Su-27", "Vostok-2018", "3988.HK"), discourse
/// counts ("the two countries", "three institutional steps"), the word
/// "one", and anything inside a citation or code parenthesis.
enum FigureScanner {
    static func scan(_ t: SentenceTokens) -> [Quantity] {
        var found: [Quantity] = []
        var identifierChain = false
        var i = 0
        while i < t.tokens.count {
            let kind = t.tokens[i].kind
            if t.isMuted(i) {
                i += 1
                continue
            }
            // "No. 7 and 8": the number after a label and any listed after it are identifiers.
            if kind == .number
                && (isIdentifier(t, i) || (identifierChain && isListJoint(t.lower(i - 1))))
            {
                identifierChain = true
                i += 1
                continue
            }
            if kind != .punct && !isListJoint(t.tokens[i].lower) { identifierChain = false }
            guard let q = figure(t, at: i) else {
                i += 1
                continue
            }
            found.append(q)
            i = q.endToken
        }
        pairFromTo(&found, t)
        shareCountNouns(&found, t)
        return found
    }

    /// "Of the 2,444 river islands, 1,281 went to China": a bare count after a
    /// counted one in the same sentence counts the same thing.
    /// Only when no noun of its own follows ("1,281 went", "four in 1988", but not "two batches").
    private static func shareCountNouns(_ qs: inout [Quantity], _ t: SentenceTokens) {
        for k in qs.indices where qs[k].kind == .count && !qs[k].counted {
            let next = t[qs[k].endToken]
            let elliptic = next == nil || next?.kind == .punct || notModifiers.contains(next?.lower ?? "")
                || ["went", "were", "was", "remained"].contains(next?.lower ?? "") || next?.lower.hasSuffix("ed") == true
            guard elliptic, let noun = qs[..<k].last(where: { $0.counted }) else { continue }
            qs[k].kind = noun.kind
            qs[k].unit = noun.unit
            qs[k].counted = true
        }
    }

    // MARK: - The tables read here

    static let hedges = PhraseTable(Lexicon.hedges.map { ($0.phrase, $0.qualifier) })
    static let fractions = PhraseTable(Lexicon.fractions.map { ($0.key, $0.value) })
    static let currenciesBefore = PhraseTable(
        Lexicon.currencies.filter { $0.placement != .after }.map { ($0.phrase, $0.code) })
    static let currenciesAfter = PhraseTable(
        Lexicon.currencies.filter { $0.placement != .before }.map { ($0.phrase, $0.code) })
    static let units = PhraseTable(Lexicon.units.map { ($0.phrase, (kind: $0.kind, unit: $0.unit, scale: $0.scale)) })
    static let rates = PhraseTable(Lexicon.rates.map { ($0.key, $0.value) })
    static let yearOnYear = PhraseTable(Lexicon.yearOnYear.map { ($0, true) })
    /// Words after a number that make it a duration, not a figure.
    static let durationWords = Lexicon.timeSpans.union(["consecutive"])
    /// Words before a number that make it an identifier: "No. 7", "Article 3", "pp. 88".
    static let identifierLabels: Set<String> = [
        "no", "nos", "project", "projects", "unit", "article", "articles", "art", "law", "decree", "resolution",
        "order", "report", "section", "chapter", "clause", "paragraph", "page", "pages", "p", "pp", "vol", "volume",
        "issue", "table", "figure", "fig", "appendix", "note", "notes", "item", "annex", "part", "model", "type",
        "version", "issn", "isbn", "box", "line", "step", "phase", "stage", "round", "session", "plenum",
        "congress",
    ]
    /// Words before a number written in words that make it discourse, not a figure ("the two countries").
    static let determiners: Set<String> = [
        "these", "those", "its", "their", "our", "his", "her", "all", "both", "each", "every", "other", "another",
    ]
    /// Words a count may stand before its noun, which end the search for it.
    static let notModifiers: Set<String> = [
        "of", "the", "in", "to", "for", "was", "were", "is", "are", "with", "by", "from", "on", "at", "than", "that",
        "which", "who", "had", "have", "has", "as", "a", "an", "per", "or", "but", "into", "over", "under",
    ]

    // MARK: - Reading one figure

    private static func figure(_ t: SentenceTokens, at i: Int) -> Quantity? {
        // Only a number or a word can start a figure (most tokens are words or punctuation).
        guard t.tokens[i].kind != .punct else { return nil }
        if t.tokens[i].kind == .word, let (share, next) = fractions.match(t, at: i), t.lower(next) == "of",
            Lexicon.ordinalWords[t.lower(i - 1)] == nil
        {
            return quantity(t, first: i, value: share, next: next, fraction: true)
        }
        if let (value, kind) = gluedCount(t.tokens[i]) {
            var q = quantity(t, first: i, value: value, next: i + 1, fraction: false)
            (q.kind, q.unit, q.counted) = kind == .people ? (.people, "people", true) : (.count, "count", true)
            return q
        }
        guard let (value, next) = number(t, at: i), !isDate(t, i, next, value), !isDuration(t, next) else {
            return nil
        }
        return quantity(t, first: i, value: value, next: next, fraction: false)
    }

    /// "600-bed", "12-member": a count written as one word with its noun's singular
    /// (`Lexicon.countNouns`), as in "a 600-bed hospital".
    static func gluedCount(_ token: SentenceTokens.Token) -> (Double, Lexicon.UnitKind)? {
        guard token.kind == .word, token.text.unicodeScalars.first.map(SentenceTokens.isDigit) == true else { return nil }
        let parts = token.lower.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let value = Double(parts[0]) else { return nil }
        let plural = String(parts[1]) + "s"
        if peopleNouns.contains(plural) { return (value, .people) }
        if thingNouns.contains(plural) { return (value, .things) }
        return nil
    }

    /// A number starting at token `i`: its value and the token after it.
    private static func number(_ t: SentenceTokens, at i: Int) -> (Double, Int)? {
        let token = t.tokens[i]
        if token.kind == .number, let v = token.number {
            // "14th", "3988.HK", "2019/20": a number glued to letters or a code is not a figure.
            if t.touching(i), Lexicon.ordinalSuffixes.contains(t.lower(i + 1)) { return nil }
            if t.touching(i), t.lower(i + 1) == ".", t.touching(i + 1), t[i + 2]?.kind == .word,
                t[i + 2]?.text.allSatisfy(\.isUppercase) == true
            {
                return nil
            }
            if t.touching(i - 1), ["/", "-", "–"].contains(t.lower(i - 1)) { return nil }
            // "Gerbillon.7", "Beijing.21": a note number glued to the end of a sentence.
            if t.touching(i - 1), [".", ",", ";", ":", "”", "\""].contains(t.lower(i - 1)), t.touching(i - 2),
                t[i - 2]?.kind == .word
            {
                return nil
            }
            // "40–50%": a range read from its lower end.
            if t.touching(i), ["-", "–"].contains(t.lower(i + 1)), t.touching(i + 1), t[i + 2]?.kind == .number {
                return (v, i + 3)
            }
            return (v, i + 1)
        }
        guard token.kind == .word else { return nil }
        // A word starting with a digit is a range ("40-50") or a code ("173-FZ").
        if token.text.unicodeScalars.first.map(SentenceTokens.isDigit) == true {
            return range(token.lower).map { ($0.low, i + 1) }
        }
        // "a thousand students"
        if token.lower == "a", let scale = Lexicon.scales[t.lower(i + 1)], scale.factor >= 1e3 { return (1, i + 1) }
        guard let (value, next) = NumberWords.read(t, at: i) else { return nil }
        // "one" is a figure only with a scale ("one million square kilometres").
        if token.lower == "one" && Lexicon.scales[t.lower(i + 1)] == nil { return nil }
        // "the two central banks", "their three demands": known things, not a count.
        if determiners.contains(t.lower(i - 1)) || (t.lower(i - 1) == "the" && value <= 3) { return nil }
        return (value, next)
    }

    /// "40-50": the two ends of a range written as one token.
    static func range(_ word: String) -> (low: Double, high: Double)? {
        let parts = word.split(separator: "-")
        guard parts.count == 2, let low = Double(parts[0]), let high = Double(parts[1]), low < high,
            !(parts[0].count == 4 && Lexicon.yearValues.contains(low))
        else { return nil }
        return (low, high)
    }

    private static func quantity(_ t: SentenceTokens, first i: Int, value raw: Double, next: Int, fraction: Bool)
        -> Quantity
    {
        var first = i
        var j = next
        var kind = fraction ? Quantity.Kind.percent : .count
        var unit = fraction ? "percent" : "count"
        var currency: String?
        var counted = false
        if let (code, start) = currenciesBefore.match(t, endingBefore: i) {
            currency = code
            first = start
        }
        var scale: (factor: Double, name: String)?
        if !fraction, let s = Lexicon.scales[t.lower(j)] {
            scale = s
            j += 1
            if s.name == "thousand" && t.lower(j - 1) == "thou" && t.lower(j) == "." { j += 1 }
        }
        let unitStart = t.tokens[j - 1].end
        if !fraction, currency == nil, let (code, end) = currenciesAfter.match(t, at: j) {
            currency = code
            j = end
        }
        if currency != nil {
            kind = .money
        } else if !fraction, let (u, end) = units.match(t, at: j) ?? countNoun(t, after: j) {
            (kind, unit) = (kindOf(u.kind), u.unit)
            counted = u.kind == .people || u.kind == .things
            if let own = u.scale, scale == nil { scale = Lexicon.scales[own] }
            j = end
            if let (rate, end) = rates.match(t, at: j) {
                unit += " \(rate)"
                j = end
            }
        }
        if kind == .count && !counted {
            if let (rate, end) = rates.match(t, at: j) {
                // "about 200 a week"
                unit += " \(rate)"
                j = end
                counted = true
            } else if first == 2, isYear(t.tokens[0]), t.lower(1) == ":" {
                // "2021: 146.9": a data point in a list.
                counted = true
            } else if namesPeople(t, before: first, scaled: scale != nil) {
                // "The population ... fell from 8.06 million", "the number of students was 70 thousand",
                // "passenger crossings fell from 2.1 million".
                (kind, unit, counted) = (.people, "people", true)
            }
        }
        var value = raw
        switch kind {
        case .money:
            unit = [currency ?? "", scale?.name ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        case .percent, .ratio:
            break
        case .people, .count:
            value = raw * (scale?.factor ?? 1)
        default:
            if let scale { unit = "\(scale.name) \(unit)" }
        }
        let isRange = t[i].map { range($0.lower) != nil } == true || (t.touching(i) && ["-", "–"].contains(t.lower(i + 1)))
        var q = Quantity(
            value: value, unit: unit, kind: kind, qualifier: isRange ? .atLeast : qualifier(t, before: first),
            firstToken: first, endToken: j, start: t.tokens[first].start, end: t.tokens[j - 1].end,
            unitStart: unitStart)
        q.counted = counted
        if kind == .percent || kind == .ratio {
            q.change = changeDirection(t, figure: first, after: j)
            q.isShare = q.change == nil && (t.lower(j) == "of" || fraction)
            if q.change != nil, let (_, end) = yearOnYear.match(t, at: j) {
                q.yearOnYear = true
                q.endToken = end
                q.end = t.tokens[end - 1].end
            }
        }
        return q
    }

    private static func kindOf(_ kind: Lexicon.UnitKind) -> Quantity.Kind {
        switch kind {
        case .percent, .percentagePoints: return .percent
        case .ratio: return .ratio
        case .mass: return .mass
        case .volume: return .volume
        case .length: return .length
        case .area: return .area
        case .energy: return .energy
        case .containers: return .containers
        case .people: return .people
        case .things: return .count
        }
    }

    /// "24 Su-35 aircraft", "ten Russian and Chinese warships": a people or
    /// things noun up to four modifiers after the number.
    private static func countNoun(_ t: SentenceTokens, after j: Int)
        -> (value: (kind: Lexicon.UnitKind, unit: String, scale: String?), end: Int)?
    {
        var k = j
        while k < min(j + 6, t.tokens.count) {
            if let (u, end) = units.match(t, at: k), u.kind == .people || u.kind == .things { return (u, end) }
            let w = t.tokens[k]
            // "137 of its secondary schools": a part of a known whole.
            if w.lower == "of", ["its", "their", "the", "these", "those", "our"].contains(t.lower(k + 1)) {
                k += 2
                continue
            }
            // "four Su-35s", "two Il-76": a model designation names what is counted.
            if w.kind == .word, w.text.unicodeScalars.contains(where: SentenceTokens.isDigit),
                w.text.unicodeScalars.contains(where: \.properties.isUppercase)
            {
                return ((.things, "count", nil), k + 1)
            }
            guard w.kind != .punct || w.text == "," || w.text == "-", !notModifiers.contains(w.lower),
                Lexicon.scales[w.lower] == nil, !(w.kind == .number && w.number.map(Lexicon.yearValues.contains) == true)
            else { return nil }
            k += 1
        }
        return nil
    }

    /// Whether the words before a bare count say it counts people: "population",
    /// or "number of" and a people noun; and for a count with a scale word ("2.1 million"),
    /// a people noun or its singular used as a modifier ("passenger crossings", "tourist arrivals").
    private static func namesPeople(_ t: SentenceTokens, before first: Int, scaled: Bool) -> Bool {
        for k in 0..<first {
            if t.lower(k) == "population" { return true }
            if scaled, peopleNouns.contains(t.lower(k)) || peopleNouns.contains(t.lower(k) + "s") { return true }
            if t.matches("number of", at: k),
                (k + 2...k + 3).contains(where: { units.match(t, at: $0)?.value.kind == .people })
            {
                return true
            }
        }
        return false
    }

    static let peopleNouns = Set(Lexicon.countNouns.people)
    static let thingNouns = Set(Lexicon.countNouns.things)

    /// "and" or ",", which continue a list of identifiers ("No. 7 and 8").
    private static func isListJoint(_ w: String) -> Bool { w == "and" || w == "," }

    /// A number that names a thing rather than counts it: after a label
    /// ("No. 7", "Article 3", "pp. 88") or glued to a word by "-" ("Su-35" is one token already).
    private static func isIdentifier(_ t: SentenceTokens, _ i: Int) -> Bool {
        if t.lower(i - 1) == "." { return identifierLabels.contains(t.lower(i - 2)) }
        return identifierLabels.contains(t.lower(i - 1)) && !(t.lower(i - 1) == "number")
    }

    /// A year ("in 2017") or the day of a date ("July 16, 2001", "28 June 2021").
    static func isDate(_ t: SentenceTokens, _ i: Int, _ next: Int, _ value: Double) -> Bool {
        let token = t.tokens[i]
        if token.kind == .number, isYear(token) {
            let after = t.lower(next)
            let measured = units.match(t, at: next).map { $0.value.kind != .people && $0.value.kind != .things }
            let unitFollows = Lexicon.scales[after] != nil || measured == true
                || currenciesAfter.match(t, at: next) != nil || currenciesBefore.match(t, endingBefore: i) != nil
            return !unitFollows
        }
        if token.kind == .number, value <= 31, Lexicon.months[t.lower(i - 1)] != nil || Lexicon.months[t.lower(next)] != nil {
            return true
        }
        return false
    }

    static func isYear(_ token: SentenceTokens.Token) -> Bool {
        guard token.kind == .number, token.text.count == 4, let v = token.number, v == v.rounded() else { return false }
        return Lexicon.yearValues.contains(v)
    }

    private static func isDuration(_ t: SentenceTokens, _ next: Int) -> Bool {
        durationWords.contains(t.lower(next))
    }

    private static func qualifier(_ t: SentenceTokens, before i: Int) -> Qualifier {
        hedges.match(t, endingBefore: i)?.value ?? .exact
    }

    /// "increased by 23.7%", "jumped 47%", "rose about 40%", "an increase of
    /// 3.4 per cent", "20.8% more than", "26.9% less".
    private static func changeDirection(_ t: SentenceTokens, figure i: Int, after j: Int) -> Change.Direction? {
        // "(+35.9% y/y)", "−4.2%": a signed percentage is a change.
        if t.touching(i - 1), t.lower(i - 1) == "+" { return .increase }
        if t.touching(i - 1), ["−", "-"].contains(t.lower(i - 1)) { return .decrease }
        var k = i
        if let (_, start) = hedges.match(t, endingBefore: k) { k = start }
        if ["by", "of"].contains(t.lower(k - 1)) { k -= 1 }
        if let (_, start) = hedges.match(t, endingBefore: k) { k = start }
        let word = t.lower(k - 1)
        if !["more", "less", "higher", "lower"].contains(word), let d = Lexicon.changeWords[word] {
            return d
        }
        switch t.lower(j) {
        case "more", "higher", "up": return .increase
        case "less", "lower", "down": return .decrease
        default: return nil
        }
    }

    /// "from 60 to more than 90%", "from nine in 2016 to 32 in 2017": two
    /// observations; a bare first number takes the unit of the second.
    private static func pairFromTo(_ qs: inout [Quantity], _ t: SentenceTokens) {
        guard qs.count >= 2 else { return }
        for k in 0..<(qs.count - 1) where t.lower(qs[k].firstToken - 1) == "from" {
            let between = (qs[k].endToken..<qs[k + 1].firstToken).map { t.lower($0) }
            guard between.contains("to"),
                between.allSatisfy({ ["in", "to", "more", "than", "about", "over", ","].contains($0) || isYearText($0) })
            else { continue }
            if qs[k].unit == "count" && qs[k + 1].unit != "count" {
                let raw = t.tokens[qs[k].firstToken].number ?? qs[k].value
                qs[k].kind = qs[k + 1].kind
                qs[k].unit = qs[k + 1].unit
                qs[k].value = raw
                qs[k].isShare = qs[k + 1].isShare
                qs[k].counted = qs[k + 1].counted
            }
            qs[k].role = .from
            qs[k + 1].role = .to
        }
    }

    private static func isYearText(_ s: String) -> Bool {
        s.count == 4 && Int(s).map(Lexicon.yearWindow.contains) == true
    }
}
