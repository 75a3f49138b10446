/// Finds the figures in one sentence: numbers in digits or words, their scale
/// ("billion"), unit ("dollars", "%", "tons", "times", "people"), hedge
/// ("more than", "at least", "about") and role (a change, a share, one end of
/// "from X to Y").
///
/// What is not a figure: years and days of dates, durations ("five months",
/// "three years"), identifiers ("No. 7 and 8", "Su-27", "S-300", "CR929"),
/// ordinals ("eighth", "14th"), the word "one", and anything inside a
/// citation or code parenthesis.
enum FigureScanner {
    static func scan(_ t: SentenceTokens) -> [Quantity] {
        var found: [Quantity] = []
        var identifierChain = false
        var i = 0
        while i < t.tokens.count {
            // Fields, not the whole token: a token copy is two strings' retains.
            let kind = t.tokens[i].kind
            if t.isMuted(i) {
                i += 1
                continue
            }
            // "No. 7 and 8": the number after "No." and any listed after it are identifiers.
            if kind == .number
                && (isIdentifierLabel(t, before: i) || (identifierChain && isListJoint(t.lower(i - 1))))
            {
                identifierChain = true
                i += 1
                continue
            }
            if kind != .punct && !isListJoint(t.tokens[i].lower) { identifierChain = false }
            guard let (value, next) = readNumber(t, at: i), !isDate(t, i, next, value), !isDuration(t, next) else {
                i += 1
                continue
            }
            found.append(quantity(t, from: i, value: value, next: next))
            i = found[found.count - 1].endToken
        }
        pairFromTo(&found, t)
        return found
    }

    // MARK: - Reading one figure

    private static func readNumber(_ t: SentenceTokens, at i: Int) -> (Double, Int)? {
        if t.tokens[i].kind == .number, let v = t.tokens[i].number { return (v, i + 1) }
        // Past a number, only a word can start a figure: "a" ("a thousand") or
        // a number word, each starting with one of these letters (see
        // `NumberWords.value`). Most tokens stop here, before any string comparison.
        guard t.tokens[i].kind == .word else { return nil }
        let lower = t.tokens[i].lower
        switch lower.utf8.first {
        case UInt8(ascii: "a"), UInt8(ascii: "z"), UInt8(ascii: "o"), UInt8(ascii: "t"), UInt8(ascii: "f"),
            UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "n"):
            break
        default:
            return nil
        }
        // "a thousand students"
        if lower == "a", NumberWords.scales[t.lower(i + 1)] != nil { return (1, i + 1) }
        if lower == "one" { return nil }
        return NumberWords.read(t, at: i)
    }

    private static func quantity(_ t: SentenceTokens, from i: Int, value raw: Double, next: Int) -> Quantity {
        var first = i
        var j = next
        var kind = Quantity.Kind.count
        var currency = "USD"
        if let code = currencySymbols[t.lower(i - 1)] {
            kind = .money
            currency = code
            first = i - 1
            if t.lower(i - 2) == "us" && code == "USD" { first = i - 2 }  // "US$ 5"
        }
        var scaleWord: String?
        if NumberWords.scales[t.lower(j)] != nil {
            scaleWord = t.lower(j)
            j += 1
        }
        if t.lower(j) == "us", currencyWords[t.lower(j + 1)] == "USD" { j += 1 }  // "5 billion US dollars"
        let unitWord = t.lower(j)
        if let code = currencyWords[unitWord] {
            kind = .money
            currency = code
            j += 1
        } else if unitWord == "%" || unitWord == "percent" {
            kind = .percent
            j += 1
        } else if unitWord == "per" && t.lower(j + 1) == "cent" {
            kind = .percent
            j += 2
        } else if unitWord == "times" {
            kind = .ratio
            j += 1
        } else if massWords.contains(unitWord) {
            kind = .mass
            j += 1
        } else if peopleWords.contains(unitWord) {
            kind = .people
            j += 1
        } else if scaleWord == "thousand" && kind == .count
            && t.tokens.contains(where: { peopleWords.contains($0.lower) || $0.lower == "students" })
        {
            kind = .people
        }
        var (value, unit) = normalise(raw, scale: scaleWord, kind: kind, currency: currency)
        if kind == .people && unit == "count" { kind = .count }
        if kind == .count, scaleWord == nil { value = raw }
        var q = Quantity(
            value: value, unit: unit, kind: kind, qualifier: qualifier(t, before: first), firstToken: first,
            endToken: j, start: t.tokens[first].start, end: t.tokens[j - 1].end)
        if kind == .percent || kind == .ratio {
            q.change = changeDirection(t, figure: first, after: j)
            q.isShare = kind == .percent && q.change == nil && t.lower(j) == "of"
        }
        return q
    }

    /// Folds the scale word into the unit the way a dashboard labels an axis.
    static func normalise(_ value: Double, scale: String?, kind: Quantity.Kind, currency: String = "USD")
        -> (Double, String)
    {
        let factor = scale.flatMap { NumberWords.scales[$0] } ?? 1
        switch kind {
        case .money: return (value, scale.map { "\(currency) \($0)" } ?? currency)
        case .percent: return (value, "percent")
        case .ratio: return (value, "ratio")
        case .mass: return (value, scale.map { "\($0) tonnes" } ?? "tonnes")
        case .people: return scale == "thousand" ? (value, "thousand people") : (value * factor, "count")
        case .count: return (value * factor, "count")
        }
    }

    /// Currency words, misspellings included ("200 billion dolors"), to ISO 4217 codes.
    private static let currencyWords: [String: String] = [
        "dollars": "USD", "dollar": "USD", "dolors": "USD", "dolor": "USD", "usd": "USD", "yuan": "CNY",
        "rmb": "CNY", "cny": "CNY", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB",
        "rub": "RUB", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    ]
    private static let currencySymbols: [String: String] = ["$": "USD", "€": "EUR", "₽": "RUB"]
    private static let massWords: Set<String> = ["tons", "tonnes", "ton", "tonne"]
    private static let peopleWords: Set<String> = ["people", "persons"]
    private static let durationWords: Set<String> = [
        "months", "month", "years", "year", "days", "day", "weeks", "week", "decades", "centuries", "century",
        "hours",
    ]
    static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12,
    ]

    /// "and" or ",", which continue a list of identifiers ("No. 7 and 8").
    @inline(__always) private static func isListJoint(_ w: String) -> Bool { w == "and" || w == "," }

    private static let identifierLabels: Set<String> = ["no", "nos", "number", "project", "projects", "unit"]

    private static func isIdentifierLabel(_ t: SentenceTokens, before i: Int) -> Bool {
        let labels = identifierLabels
        if t.lower(i - 1) == "." { return labels.contains(t.lower(i - 2)) }
        return labels.contains(t.lower(i - 1)) && t.lower(i - 1) != "number"
    }

    /// A year ("in 2017") or the day of a date ("July 16, 2001", "28 June 2021").
    static func isDate(_ t: SentenceTokens, _ i: Int, _ next: Int, _ value: Double) -> Bool {
        let token = t.tokens[i]
        if token.kind == .number, isYear(token) {
            let after = t.lower(next)
            let unitFollows = NumberWords.scales[after] != nil || after == "%" || currencyWords[after] != nil
            return !unitFollows
        }
        if token.kind == .number, value <= 31, months[t.lower(i - 1)] != nil || months[t.lower(next)] != nil {
            return true
        }
        return false
    }

    static func isYear(_ token: SentenceTokens.Token) -> Bool {
        // A number token is ASCII, so its UTF-8 count is its length (`count` walks the characters).
        guard token.kind == .number, token.text.utf8.count == 4, let v = token.number, v == v.rounded() else { return false }
        return (1000...2200).contains(v)
    }

    private static func isDuration(_ t: SentenceTokens, _ next: Int) -> Bool {
        durationWords.contains(t.lower(next)) || (t.lower(next) == "consecutive")
    }

    private static func qualifier(_ t: SentenceTokens, before i: Int) -> Qualifier {
        let p1 = t.lower(i - 1)
        let p2 = t.lower(i - 2)
        switch (p2, p1) {
        case ("more", "than"), (_, "over"), (_, "exceeded"), (_, "exceeds"), (_, "above"), ("upwards", "of"):
            return .moreThan
        case ("less", "than"), ("fewer", "than"), (_, "under"), (_, "below"): return .lessThan
        case ("at", "least"): return .atLeast
        case ("up", "to"): return .upTo
        case (_, "about"), (_, "around"), (_, "some"), (_, "approximately"), (_, "nearly"), (_, "almost"),
            (_, "roughly"):
            return .about
        default: return .exact
        }
    }

    private static let increaseVerbs: Set<String> = ["increased", "grew", "rose", "risen", "increase", "growth", "up"]
    private static let decreaseVerbs: Set<String> = ["decreased", "fell", "declined", "dropped", "decrease", "down", "reduced"]

    /// "increased by 23.7%", "20.8% more than", "26.9% less".
    private static func changeDirection(_ t: SentenceTokens, figure i: Int, after j: Int) -> Change.Direction? {
        if t.lower(i - 1) == "by" {
            for k in 2...3 {
                if increaseVerbs.contains(t.lower(i - k)) { return .increase }
                if decreaseVerbs.contains(t.lower(i - k)) { return .decrease }
            }
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
            }
            qs[k].role = .from
            qs[k + 1].role = .to
        }
    }

    /// `Int(s)` reads only ASCII, so a year text has four bytes as it has four characters.
    private static func isYearText(_ s: String) -> Bool {
        s.utf8.count == 4 && Int(s).map { (1000...2200).contains($0) } == true
    }
}
