/// Works out which period each figure of a sentence refers to.
///
/// Dates the sentence states are read first ("in 2017", "For the entire 2017
/// year", "In the five months of 2018", "From 2013 to 2016", "Since 1992",
/// "up to 2024", "Last year", "Currently"). Comparison dates ("than in 2016",
/// "compared to the same period last year") are the basis of a change, never
/// the period. A figure takes the date right after it ("nine in 2016", "58.8
/// billion dollar was in 2008"), else the nearest before it, else the nearest
/// after it. A "from X to Y" pair under "From 2013 to 2016" takes the two
/// ends. A sentence with no date that opens with a connective ("At the same
/// time", "In addition", "It ...") inherits the single period of the sentence
/// before it. Relative dates ("last year", "currently") need the document's
/// year; without one they stay null. Every stated date is read by the
/// shared `DateReader`, as events read them; this file adds only what is
/// particular to figures (comparison bases, targets, inherited periods).
enum PeriodResolver {
    struct Mention: Sendable {
        enum Kind: Sendable { case point, interval, since, target, basis, relativeLast, present }
        var first: Int
        var end: Int
        var kind: Kind
        var period: Period?
        /// For `.basis`: `year-over-year` or `compared-to-YYYY`.
        var basis: String?
    }

    /// `readings`: the sentence's dates as `DateReader` reads them without a
    /// context, when already read (`DocumentDates`); read from `t` otherwise.
    static func mentions(_ t: SentenceTokens, documentYear: Int?, readings: [DateReader.Reading]? = nil) -> [Mention] {
        var found: [Mention] = []
        // 1. The phrases only figures date by: "the five months of 2018",
        // "last year" (the year before, or after the comparison), "this year",
        // and "currently", "to date", which are no date at all.
        var i = 0
        while i < t.tokens.count {
            if t.isMuted(i) {
                i += 1
                continue
            }
            let w = t.lower(i)
            if let (months, next) = monthsCount(t, at: i), t.lower(next) == "of", let y = yearValue(t, next + 1),
                let a = PartialDate(year: y, month: 1), let b = PartialDate(year: y, month: months)
            {
                found.append(Mention(first: i, end: next + 2, kind: .interval, period: Period(start: a, end: b)))
                i = next + 2
                continue
            }
            if w == "last" && t.matches("last year", at: i) {
                let basis = t.matches("same period", before: i) || t.lower(i - 1) == "than"
                    || t.matches("compared to", before: i) || t.matches("compared with", before: i)
                found.append(Mention(
                    first: i, end: i + 2, kind: basis ? .basis : .relativeLast, period: nil,
                    basis: basis ? "year-over-year" : nil))
                i += 2
                continue
            }
            if w == "this" && t.matches("this year", at: i) {
                found.append(Mention(first: i, end: i + 2, kind: .present, period: documentYear.flatMap { Period.year($0) }))
                i += 2
                continue
            }
            // "Currently", "To date", "At present" speak of the time of
            // writing, which is not the document's year (an article cites
            // sources older than itself): such a figure has no stated period.
            let present = (w == "to" && t.matches("to date", at: i)) || (w == "at" && t.matches("at present", at: i)) ? 2
                : ((i == 0 && ["currently", "today", "presently", "now"].contains(w)) ? 1 : nil)
            if let width = present {
                found.append(Mention(first: i, end: i + width, kind: .present, period: nil))
                i += width
                continue
            }
            i += 1
        }
        // 2. Every date the shared reader reads, where step 1 read nothing.
        for r in readings ?? DateReader.read(t.pieces) where !r.isRelative {
            guard let core = tokenSpan(t, r.core), !t.isMuted(core.lowerBound),
                !found.contains(where: { $0.first < core.upperBound && core.lowerBound < $0.end })
            else { continue }
            let c = core.lowerBound
            let date = r.date
            if t.matches("than in", before: c) || t.matches("compared to", before: c)
                || t.matches("compared with", before: c) || t.lower(c - 1) == "than"
            {
                found.append(Mention(first: c, end: core.upperBound, kind: .basis, period: nil,
                    basis: "compared-to-\(date.start.year)"))
                continue
            }
            var first = c
            var kind = Mention.Kind.point
            var period = Period(start: date.start, end: date.end)
            if date.end != nil { kind = .interval }
            if r.cue == "since" {
                kind = .since
                period = Period(start: date.start, openEnded: true)
            } else if t.matches("up to", before: c) || r.cue == "by" || r.cue == "until" {
                kind = .target
                first = t.matches("up to", before: c) ? c - 2 : c - 1
            }
            found.append(Mention(first: first, end: core.upperBound, kind: kind, period: period))
        }
        found.sort { $0.first < $1.first }
        // "Last year ... 72% more than in 2016": last year is the year after the comparison.
        let comparison = found.compactMap { $0.kind == .basis ? $0.basis : nil }
            .compactMap { $0.hasPrefix("compared-to-") ? Int($0.dropFirst(12)) : nil }.first
        for k in found.indices where found[k].kind == .relativeLast {
            let y = comparison.map { $0 + 1 } ?? documentYear.map { $0 - 1 }
            found[k].period = y.flatMap { Period.year($0) }
        }
        return found
    }

    /// The tokens covering scalar range `r` (first token starting in it to last ending in it).
    static func tokenSpan(_ t: SentenceTokens, _ r: Range<Int>) -> Range<Int>? {
        guard let a = t.tokens.firstIndex(where: { $0.start >= r.lowerBound }),
            let b = t.tokens.lastIndex(where: { $0.end <= r.upperBound }), a <= b
        else { return nil }
        return a..<(b + 1)
    }

    /// The year token `k` reads as, if it is one (for "the five months of 2018").
    private static func yearValue(_ t: SentenceTokens, _ k: Int) -> Int? {
        guard k >= 0 && k < t.tokens.count, t.tokens[k].kind == .number, !t.isMuted(k),
            t.tokens[k].text.utf8.count == 4, let v = t.tokens[k].number, Lexicon.yearWindow.contains(Int(v))
        else { return nil }
        return Int(v)
    }

    private static func monthsCount(_ t: SentenceTokens, at i: Int) -> (Int, Int)? {
        var k = i
        if t.lower(k) == "first" { k += 1 }
        if t.lower(k) == "half" { return (6, k + 1) }
        // The unit first: it is one comparison and fails for almost every token,
        // while reading the count looks the word up.
        let unit = t.lower(k + 1)
        guard unit == "months" || unit == "month" else { return nil }
        let n = (k >= 0 && k < t.tokens.count ? t.tokens[k].number : nil) ?? NumberWords.value(t.lower(k))
        guard let n, n >= 1, n <= 12, n == n.rounded() else { return nil }
        return (Int(n), k + 2)
    }

    /// The one period a sentence states, if it states exactly one (for the next sentence to inherit).
    ///
    /// One pass, no set: exactly one distinct period is the first one with
    /// every other equal to it (what `Set(periods).count == 1` asked).
    static func sentencePeriod(_ mentions: [Mention]) -> Period? {
        var found: Period?
        for m in mentions where m.kind != .basis {
            guard let p = m.period else { continue }
            if let found, found != p { return nil }
            found = p
        }
        return found
    }

    static let connectives = [
        "at the same time", "in addition", "it ", "this ", "these ", "on the ", "meanwhile", "moreover",
        "furthermore", "besides", "also",
    ]

    static func inherits(_ sentence: String) -> Bool {
        let lower = sentence.lowercased()
        return connectives.contains { lower.hasPrefix($0) }
    }

    /// The period of figure `k`, and whether the date names a target year ("up to 2024").
    static func resolve(
        _ qs: [Quantity], _ k: Int, mentions: [Mention], tokens t: SentenceTokens, inherited: Period?
    ) -> (period: Period?, target: Bool) {
        let q = qs[k]
        let dated = mentions.filter { $0.kind != .basis && $0.period != nil }
        let nextFigure = k + 1 < qs.count ? qs[k + 1].firstToken : Int.max
        let joiners = Self.joiners
        if let m = dated.first(where: {
            $0.first >= q.endToken && $0.first < nextFigure && $0.first - q.endToken <= 3
                && (q.endToken..<$0.first).allSatisfy { joiners.contains(t.lower($0)) }
        }) {
            return (m.period, m.kind == .target)
        }
        if let role = q.role, let interval = dated.first(where: { $0.kind == .interval }), let p = interval.period,
            let end = p.end
        {
            return (Period(start: role == .from ? p.start : end), false)
        }
        if let m = dated.last(where: { $0.end <= q.firstToken }) { return (m.period, m.kind == .target) }
        if let m = dated.first(where: { $0.first >= q.endToken }) { return (m.period, m.kind == .target) }
        if mentions.contains(where: { $0.kind != .basis }) { return (nil, false) }
        return (inherited, false)
    }

    /// Words that may stand between a figure and the date right after it ("nine in 2016").
    private static let joiners: Set<String> = ["in", "was", "of", "for", "during", ","]

    /// The comparison basis nearest to a change figure.
    static func basis(for q: Quantity, mentions: [Mention]) -> String? {
        mentions.filter { $0.kind == .basis }
            .min { distance($0, q) < distance($1, q) }?.basis
    }

    private static func distance(_ m: Mention, _ q: Quantity) -> Int {
        m.first >= q.endToken ? m.first - q.endToken : q.firstToken - m.end
    }
}
