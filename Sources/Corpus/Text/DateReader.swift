/// Reads the dates a sentence states, for events and indicator periods alike.
///
/// The rules are the rows of `DateReader.rules`: a name, a pattern of steps
/// over the sentence's pieces (`SentencePieces`, cut by the shared
/// tokenizer: a month, a day, a year, a word of a list…, each read through
/// `Lexicon`) and how to build the date from what the steps captured. At
/// each piece the longest match of any rule wins (the
/// earlier row on a tie); a match claims its pieces. A word just before a
/// date that says how it relates ("since 1992", "by 2025", "in May 2015") is
/// kept as its `cue` and its words are part of the reading.
///
/// Relative dates ("last year", "on Tuesday", "the same year") are read
/// against `DateContext`: the document's dateline, and the date read last
/// before this sentence. Without the anchor they need, they are not read.
enum DateReader {
    /// What a relative date is read against.
    struct DateContext: Sendable {
        /// The day a news article is datelined ("MOSCOW, 14 March 2024 —"):
        /// "last year", "on Tuesday", "22 December" are read against it.
        var dateline: PartialDate?
        /// The last date stated before ("The same year", "the next day").
        var previous: EventDate?

        init(dateline: PartialDate? = nil, previous: EventDate? = nil) {
            self.dateline = dateline
            self.previous = previous
        }
    }

    /// One date a sentence states.
    struct Reading: Sendable, Hashable {
        /// Scalar offsets into the sentence, with the cue word ("since 1992").
        var range: Range<Int>
        /// Scalar offsets of the date itself, without the cue.
        var core: Range<Int>
        var date: EventDate
        /// The lowercased word before the date ("since", "by", "in", "from"), if any.
        var cue: String?
        /// Read against the context ("last year", "the same month"), not stated.
        var isRelative: Bool
        /// The rule that read it (for tests and for a reader of the output).
        var rule: String
    }

    /// Words that may stand before a date and belong to its reading.
    static let cueWords: Set<String> = [
        "in", "on", "since", "by", "before", "until", "till", "during", "of", "from", "after", "throughout", "between",
        "for", "around", "circa", "as", "to",
    ]

    /// The dates `text` states, in order.
    static func read(_ text: String, context: DateContext = DateContext()) -> [Reading] {
        guard SentenceGate(text).mayHoldDate else { return [] }
        return read(SentencePieces(text), context: context)
    }

    /// The dates a sentence cut into pieces states, in order (pieces already
    /// cut for a sentence's tokens are read as they are, not cut again).
    static func read(_ pieces: SentencePieces, context: DateContext = DateContext()) -> [Reading] {
        var relative = false
        return read(pieces, context: context, relativeMatched: &relative)
    }

    /// As `read(_:context:)`; `relativeMatched` is set when a relative rule
    /// matched where it could have won (built or not, it ranked before the
    /// rule chosen): only then can another context read the sentence
    /// differently (`DocumentDates` keeps one reading otherwise).
    static func read(
        _ pieces: SentencePieces, context given: DateContext = DateContext(), relativeMatched: inout Bool
    ) -> [Reading] {
        var context = given
        var found: [Reading] = []
        var i = 0
        while i < pieces.count {
            guard pieces.mayStartDate(i) else {
                i += 1
                continue
            }
            // Every rule's match here, longest first (the earlier row on a tie);
            // the first that builds a date wins ("2009-1212" builds no range,
            // and its 2009 is no year either: it is a code).
            var matches: [(rule: DateRule, end: Int, captures: DateCaptures)] = []
            let before = i > 0 ? pieces[i - 1].lower : ""
            for rule in rules(startingOn: pieces[i].kind) where rule.needsCue?.contains(before) ?? true {
                guard let (end, captures) = pieces.match(rule.steps, at: i) else { continue }
                matches.append((rule, end, captures))
            }
            let ranked = matches.enumerated().sorted(by: { ($0.element.end, -$0.offset) > ($1.element.end, -$1.offset) })
            var chosen: (rule: DateRule, end: Int, captures: DateCaptures, date: EventDate)?
            var chosenRank = ranked.count
            for (rank, m) in ranked.enumerated() {
                if let date = m.element.rule.build(m.element.captures, context) {
                    chosen = (m.element.rule, m.element.end, m.element.captures, date)
                    chosenRank = rank
                    break
                }
            }
            // A relative rule ranked up to the one chosen builds or fails by
            // the context: another context may read the sentence otherwise.
            if ranked.prefix(chosenRank + 1).contains(where: { $0.element.rule.isRelative }) { relativeMatched = true }
            guard let best = chosen else {
                i += 1
                continue
            }
            var date = best.date
            var first = i
            var cue: String?
            if i > 0, pieces[i - 1].kind == .word, cueWords.contains(pieces[i - 1].lower) {
                cue = pieces[i - 1].lower
                first = i - 1
            }
            if let c = best.captures.cue { cue = c }
            if let q = qualifier(cue: cue) {
                if date.qualifier == nil {
                    date = EventDate(start: date.start, end: date.end, precision: date.precision, qualifier: q,
                        display: q == .by ? "by " + date.display : nil)
                } else if q == .by, best.captures.part == .end {
                    // "before the end of 2020": a deadline.
                    date = EventDate(start: date.start, end: date.end, precision: date.precision, qualifier: .by)
                }
            }
            let core = pieces[i].range.lowerBound..<pieces[best.end - 1].range.upperBound
            found.append(Reading(
                range: pieces[first].range.lowerBound..<core.upperBound, core: core, date: date, cue: cue,
                isRelative: best.rule.isRelative, rule: best.rule.name))
            // "In July 1929 …, and in November of that year …".
            context.previous = date
            i = best.end
        }
        return found
    }

    /// The months' full names, lowercase ("sept" is an abbreviation, "september" is not).
    static let fullMonthNames: Set<String> = Set(Lexicon.monthNames.map { $0.lowercased() })

    /// Marks that, glued to four digits before them, make them no year ("$2009", "2,009", "Su-2009", "#2009").
    static let gluedBeforeYear = currencySymbols.union(".,-/#:№".unicodeScalars.map { String($0) })

    /// The currency symbols of `Lexicon.currencies`: "$ 2010", "₽ 2010" are amounts.
    static let currencySymbols = Set(
        Lexicon.currencies.map(\.phrase).filter { $0.unicodeScalars.count == 1 && !$0.unicodeScalars.first!.properties.isAlphabetic })

    /// "since 1992" starts a state that goes on; "by 2025", "before 2020",
    /// "until 2024" are deadlines.
    static func qualifier(cue: String?) -> EventDate.Qualifier? {
        switch cue {
        case "since": .since
        case "by", "before", "until", "till": .by
        default: nil
        }
    }

    /// The dateline of a news article: capitalised place names, a comma, a
    /// day and a dash ("MOSCOW/BEIJING, 14 March 2024 — …"); nil for other text.
    static func dateline(_ text: String) -> PartialDate? {
        let pieces = SentencePieces(text)
        var i = 0
        while i < pieces.count, i < 8, pieces[i].kind == .word && pieces[i].isCapitalised
            || pieces[i].lower == "/" || pieces[i].lower == "-"
        {
            i += 1
        }
        guard i > 0, i < pieces.count, pieces[i].lower == "," else { return nil }
        let after = pieces.scalars[pieces[i].range.upperBound...]
        guard let first = read(SentencePieces(scalars: Array(after))).first, first.date.precision == .day,
            first.range.lowerBound <= 1
        else { return nil }
        let rest = String(scalars: after[(after.startIndex + first.range.upperBound)...])
        guard rest.drop(while: { $0 == " " }).first.map({ "—–-".contains($0) }) == true else { return nil }
        return first.date.start
    }
}

// MARK: - Reading pieces

/// The steps of date rules, read on a sentence's pieces (`SentencePieces`):
/// a rule's "token" is a piece ("2000s" is 2000 + "s" joined, "17th" is 17 + "th").
extension SentencePieces {
    /// Whether a rule may match from piece `i`: a number, a capitalised month,
    /// weekday or Roman numeral, or a word some rule starts with. Most pieces
    /// are none of these, and the rules are not tried on them.
    func mayStartDate(_ i: Int) -> Bool {
        let t = pieces[i]
        switch t.kind {
        case .number: return true
        case .punct: return false
        case .word:
            // One lookup: a start word starts anywhere, a month or weekday when capitalised.
            // Most words have no start word's length and first byte, and are not looked up.
            switch DateReader.startWordShapes.mayHold(t.lower) ? DateReader.startWordRoles[t.lower] : nil {
            case .always?: return true
            case .capitalised?: if t.isCapitalised { return true }
            case nil: break
            }
            return t.isCapitalised && Lexicon.romanValue(t.lower) != nil
        }
    }

    /// Whether token `i` is a year that stands alone: four digits in the
    /// window, not part of an amount ("$ 2009", "2,009", "2009.5", "2009%"),
    /// a code ("Su-2009", "Vostok-2018", "2009-1212") or a quantity ("2000 km").
    func isYear(_ i: Int, leftFree: Bool = true, rightFree: Bool = true) -> Bool {
        guard i < count, pieces[i].kind == .number, pieces[i].range.count == 4,
            Lexicon.yearWindow.contains(pieces[i].value)
        else { return false }
        if leftFree, i > 0, pieces[i].joined {
            let before = pieces[i - 1]
            if before.kind != .punct || DateReader.gluedBeforeYear.contains(before.lower) { return false }
        }
        // "$ 2010": an amount, the symbol set apart by a space.
        if i > 0, pieces[i - 1].kind == .punct, DateReader.currencySymbols.contains(pieces[i - 1].lower) { return false }
        if i + 1 < count {
            let next = pieces[i + 1]
            if next.joined && next.lower == "%" { return false }
            if rightFree, next.joined, Self.isNumberJoiner(next.lower), i + 2 < count,
                pieces[i + 2].kind == .number, pieces[i + 2].joined, !isFootnoteMark(i + 2)
            {
                return false
            }
            if next.kind == .word, Lexicon.quantityNouns.contains(next.lower) { return false }
            if next.kind == .word, next.joined { return false }
        }
        return true
    }

    /// "… on 2 June 2005.37 The State Duma …": digits after a sentence's full
    /// stop and before the next sentence are a footnote mark, not decimals.
    func isFootnoteMark(_ i: Int) -> Bool {
        guard pieces[i - 1].lower == ".", pieces[i].range.count <= 3 else { return false }
        return i + 1 == count || (!pieces[i + 1].joined && pieces[i + 1].kind == .word && pieces[i + 1].isCapitalised)
    }

    func isDash(_ i: Int) -> Bool { i < count && Self.isDash(pieces[i].lower) }

    /// A hyphen or dash mark: "-", or one of U+2010, U+2011, U+2013, U+2014,
    /// compared on the UTF-8 bytes (no string comparison per call; none of
    /// the five has another canonically equal spelling).
    static func isDash(_ mark: String) -> Bool {
        let u = mark.utf8
        switch u.count {
        case 1: return u.first == 0x2D
        case 3:
            var i = u.startIndex
            guard u[i] == 0xE2 else { return false }
            u.formIndex(after: &i)
            guard u[i] == 0x80 else { return false }
            u.formIndex(after: &i)
            switch u[i] {
            case 0x90, 0x91, 0x93, 0x94: return true
            default: return false
            }
        default: return false
        }
    }

    /// A mark that joins a number to the digits after it ("2009.5", "2,009", "2009-1212", "2009/10").
    static func isNumberJoiner(_ mark: String) -> Bool {
        switch mark {
        case ".", ",", "-", "/", "–": true
        default: false
        }
    }

    /// An apostrophe before a decade's "s" ("1990's").
    static func isApostrophe(_ mark: String) -> Bool { mark == "'" || mark == "’" }

    /// Matches `steps` from token `i`; the end (exclusive) and what was captured.
    func match(_ steps: [DateStep], at i: Int) -> (Int, DateCaptures)? {
        var captures = DateCaptures()
        guard let end = match(steps, from: 0, at: i, &captures) else { return nil }
        return (end, captures)
    }

    /// Matches `steps[k...]` from token `i`, adding to `c` what they capture;
    /// the end (exclusive). An optional step is tried on a copy of `c`, so
    /// skipping it starts from the captures before it. On no match `c` is
    /// left half-written: callers drop it.
    private func match(_ steps: [DateStep], from k: Int, at i: Int, _ c: inout DateCaptures) -> Int? {
        guard k < steps.count else { return i }
        let step = steps[k]
        guard step.optional else {
            guard let next = read(step, at: i, &c) else { return nil }
            return match(steps, from: k + 1, at: next, &c)
        }
        var tried = c
        if let next = read(step, at: i, &tried), let end = match(steps, from: k + 1, at: next, &tried) {
            c = tried
            return end
        }
        return match(steps, from: k + 1, at: i, &c)
    }

    /// One step at token `i`: the next token index, with its value put in `c`
    /// (`c` is changed only when the step reads).
    func read(_ step: DateStep, at i: Int, _ c: inout DateCaptures) -> Int? {
        guard i < count else { return nil }
        let t = pieces[i]
        var next = i + 1
        var value = 0
        switch step.kind {
        case .words(let words):
            guard t.kind == .word || t.kind == .punct, words.contains(t.lower) else { return nil }
            if step.slot == .cue { c.cue = t.lower }
            if step.slot == .relative { c.word = t.lower }
        case .month:
            guard t.kind == .word, t.isCapitalised, let m = Lexicon.months[t.lower] else { return nil }
            // An abbreviation may carry its full stop ("Sept.", "Oct.").
            if !DateReader.fullMonthNames.contains(t.lower), next < count,
                pieces[next].lower == ".", pieces[next].joined
            {
                next += 1
            }
            value = m
        case .day:
            guard t.kind == .number, t.range.count <= 2, (1...31).contains(t.value) else { return nil }
            if next < count, pieces[next].joined, Lexicon.ordinalSuffixes.contains(pieces[next].lower) { next += 1 }
            value = t.value
        case .monthNumber:
            guard t.kind == .number, t.range.count == 2, (1...12).contains(t.value), t.joined else { return nil }
            value = t.value
        case .dayNumber:
            guard t.kind == .number, t.range.count == 2, (1...31).contains(t.value), t.joined else { return nil }
            value = t.value
        case .year:
            guard isYear(i) else { return nil }
            value = t.value
        case .rangeStart:
            guard isYear(i, rightFree: false) else { return nil }
            value = t.value
        case .yearAfterDash:
            guard isYear(i, leftFree: false) else { return nil }
            value = t.value
        case .rangeEnd:
            guard t.kind == .number, isYear(i, leftFree: false) || t.range.count == 2 else { return nil }
            value = t.range.count == 2 ? -t.value : t.value
        case .season:
            guard t.kind == .word, Lexicon.seasons.contains(t.lower) else { return nil }
            c.word = t.lower
        case .part:
            guard t.kind == .word, let p = Lexicon.periodParts[t.lower] else { return nil }
            c.part = p
            return next
        case .half:
            guard t.kind == .word, t.lower == "first" || t.lower == "second", next < count,
                pieces[next].lower == "half"
            else { return nil }
            c.part = t.lower == "first" ? .firstHalf : .secondHalf
            return next + 1
        case .decade:
            if t.kind == .word, let d = Lexicon.decadeWords[t.lower] {
                value = d
            } else {
                guard t.kind == .number, t.range.count == 4, t.value % 10 == 0,
                    Lexicon.yearWindow.contains(t.value), next < count
                else { return nil }
                if Self.isApostrophe(pieces[next].lower), pieces[next].joined { next += 1 }
                guard next < count, pieces[next].joined, pieces[next].lower == "s" else { return nil }
                next += 1
                value = t.value
            }
        case .century:
            if t.kind == .number, t.range.count <= 2, next < count, pieces[next].joined,
                Lexicon.ordinalSuffixes.contains(pieces[next].lower)
            {
                value = t.value
                next += 1
            } else if t.kind == .word, t.isCapitalised, let r = Lexicon.romanValue(t.lower) {
                value = r
            } else if t.kind == .word, let o = Lexicon.ordinalWords[t.lower] {
                value = o
            } else if t.kind == .word, let tens = Lexicon.ordinalTens[t.lower], isDash(next), next + 1 < count,
                let o = Lexicon.ordinalWords[pieces[next + 1].lower], o < 10
            {
                value = tens + o
                next += 2
            } else {
                return nil
            }
            guard (1...21).contains(value) else { return nil }
        case .weekday:
            guard t.kind == .word, t.isCapitalised, let d = Lexicon.weekdays[t.lower] else { return nil }
            value = d
        case .dash:
            guard isDash(i) else { return nil }
        case .calendarNote:
            guard let (words, note) = DateReader.calendarNotes.first(where: { words, _ in
                i + words.count <= count && words.indices.allSatisfy { pieces[i + $0].lower == words[$0] }
            }) else { return nil }
            c.note = note
            next = i + words.count
        }
        if let slot = step.slot { c.set(slot, value) }
        return next
    }
}

// MARK: - Rules

/// What a rule's steps captured.
struct DateCaptures {
    var day: Int?, day2: Int?, month: Int?, month2: Int?, year: Int?, year2: Int?
    var decade: Int?, century: Int?, weekday: Int?
    var part: Lexicon.PeriodPart?
    var note: Lexicon.CalendarNote?
    var cue: String?
    /// The season or relative word read ("spring", "last", "same").
    var word: String?

    mutating func set(_ slot: DateStep.Slot, _ value: Int) {
        switch slot {
        case .day: day = value
        case .day2: day2 = value
        case .month: month = value
        case .month2: month2 = value
        case .year: year = value
        case .year2: year2 = value
        case .decade: decade = value
        case .century: century = value
        case .weekday: weekday = value
        case .cue, .relative: break
        }
    }
}

/// One step of a rule's pattern: one token, or a few read as one (a month
/// and its full stop, a decade and its "s").
struct DateStep: Sendable {
    enum Kind: Sendable {
        case words([String]), month, day, monthNumber, dayNumber, year, rangeStart, yearAfterDash, rangeEnd, season, part,
            half, decade, century, weekday, dash, calendarNote
    }
    enum Slot: Sendable { case day, day2, month, month2, year, year2, decade, century, weekday, cue, relative }
    var kind: Kind
    var slot: Slot?
    var optional = false

    static func w(_ words: String..., as slot: Slot? = nil) -> DateStep { DateStep(kind: .words(words), slot: slot) }
    static func opt(_ words: String...) -> DateStep { DateStep(kind: .words(words), slot: nil, optional: true) }
    static func optional(_ step: DateStep) -> DateStep {
        var s = step
        s.optional = true
        return s
    }
    static func month(_ slot: Slot = .month) -> DateStep { DateStep(kind: .month, slot: slot) }
    static func day(_ slot: Slot = .day) -> DateStep { DateStep(kind: .day, slot: slot) }
    static let year = DateStep(kind: .year, slot: .year)
    static let rangeStart = DateStep(kind: .rangeStart, slot: .year)
    static let rangeEnd = DateStep(kind: .rangeEnd, slot: .year2)
    static let year2 = DateStep(kind: .year, slot: .year2)
    /// "New Style", "O.S.", "i.e." (`Lexicon.calendarNotes`), where a restated date may carry one.
    static let calendarNote = DateStep(kind: .calendarNote, optional: true)
    static let dash = DateStep(kind: .dash)
    static let comma = DateStep(kind: .words([","]), optional: true)
    static let the = DateStep(kind: .words(["the"]), optional: true)
    static let season = DateStep(kind: .season)
    static let part = DateStep(kind: .part)
    static let decade = DateStep(kind: .decade, slot: .decade)
    static let century = DateStep(kind: .century, slot: .century)
    static let weekday = DateStep(kind: .weekday, slot: .weekday)
}

extension DateStep {
    /// The kinds of piece this step can read.
    var pieceKinds: Set<SentencePieces.Piece.Kind> {
        switch kind {
        case .words: [.word, .punct]
        case .month, .season, .part, .half, .weekday: [.word]
        case .day, .monthNumber, .dayNumber, .year, .rangeStart, .yearAfterDash, .rangeEnd: [.number]
        case .decade, .century: [.number, .word]
        case .dash: [.punct]
        case .calendarNote: [.word]
        }
    }
}

struct DateRule: Sendable {
    let name: String
    let steps: [DateStep]
    var isRelative = false
    /// The word that must stand before the match ("in January"), if any.
    var needsCue: Set<String>? = nil
    let build: @Sendable (DateCaptures, DateReader.DateContext) -> EventDate?

    /// The kinds of piece a match can start on: its first step's, and the
    /// next step's as long as the one before is optional.
    var firstPieceKinds: Set<SentencePieces.Piece.Kind> {
        var kinds: Set<SentencePieces.Piece.Kind> = []
        for step in steps {
            kinds.formUnion(step.pieceKinds)
            if !step.optional { return kinds }
        }
        return [.number, .word, .punct]
    }
}

extension DateReader {
    /// Words that let a sentence without digits, months or weekdays hold a
    /// date (`SentenceGate` asks for them before a sentence is cut into pieces).
    static let triggerWords: Set<String> = [
        "century", "centuries", "year", "month", "day", "sixties", "seventies", "eighties", "nineties", "fifties",
        "forties", "thirties", "twenties",
    ]

    typealias S = DateStep

    /// The words a rule may start with (besides numbers, months, weekdays and Roman numerals).
    static let startWords: Set<String> = {
        var words: Set<String> = ["the", "first", "second", "from", "between", "last", "next", "this", "on"]
        words.formUnion(Lexicon.seasons)
        words.formUnion(Lexicon.periodParts.keys)
        words.formUnion(Lexicon.ordinalWords.keys)
        words.formUnion(Lexicon.ordinalTens.keys)
        words.formUnion(Lexicon.decadeWords.keys)
        return words
    }()

    /// Where a word may start a rule's match (`SentencePieces.mayStartDate`):
    /// `startWords` anywhere, months and weekdays when capitalised.
    enum StartRole { case always, capitalised }
    static let startWordRoles: [String: StartRole] = {
        var roles: [String: StartRole] = [:]
        for w in Array(Lexicon.months.keys) + Array(Lexicon.weekdays.keys) { roles[w] = .capitalised }
        for w in startWords { roles[w] = .always }
        return roles
    }()

    static let startWordShapes = WordShapes(startWordRoles.keys)

    /// The rules that may start on a piece of each kind, in table order: at a
    /// number only the rules whose first step reads a number are tried.
    static func rules(startingOn kind: SentencePieces.Piece.Kind) -> [DateRule] {
        switch kind {
        case .number: rulesStartingOnNumber
        case .word: rulesStartingOnWord
        case .punct: rulesStartingOnPunct
        }
    }
    private static let rulesStartingOnNumber = rules.filter { $0.firstPieceKinds.contains(.number) }
    private static let rulesStartingOnWord = rules.filter { $0.firstPieceKinds.contains(.word) }
    private static let rulesStartingOnPunct = rules.filter { $0.firstPieceKinds.contains(.punct) }

    /// The rules, one row each. Order breaks ties between matches of equal length.
    static let rules: [DateRule] = [
        // Days
        DateRule(name: "day–day month year", steps: [.day(), .dash, .day(.day2), .month(), .comma, .year]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year, c.month, c.day2), .day)
        },
        DateRule(name: "month day–day, year", steps: [.month(), .day(), .dash, .day(.day2), .comma, .year]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year, c.month, c.day2), .day)
        },
        DateRule(name: "day month – day month year",
            steps: [.day(), .month(), .dash, .day(.day2), .month(.month2), .comma, .year]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year, c.month2, c.day2), .day)
        },
        // A range spelt out in words: "from 3 to 7 June 2021", "between 3 June and 7 July 2021".
        DateRule(name: "from day to day month year",
            steps: [.w("from", "between", as: .cue), .day(), .w("to", "and", "until", "till"), .day(.day2), .month(), .comma,
                .year]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year, c.month, c.day2), .day)
        },
        DateRule(name: "from day month to day month year",
            steps: [.w("from", "between", as: .cue), .day(), .month(), .w("to", "and", "until", "till"), .day(.day2),
                .month(.month2), .comma, .year]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year, c.month2, c.day2), .day)
        },
        DateRule(name: "ISO day to ISO day",
            steps: [.rangeStart, .dash, S(kind: .monthNumber, slot: .month), .dash, S(kind: .dayNumber, slot: .day),
                .w("to", "until", "-", "–", "—"),
                S(kind: .rangeStart, slot: .year2), .dash, S(kind: .monthNumber, slot: .month2), .dash,
                S(kind: .dayNumber, slot: .day2)]) { c, _ in
            span(day(c.year, c.month, c.day), day(c.year2, c.month2, c.day2), .day)
        },
        DateRule(name: "ISO day",
            steps: [.rangeStart, .dash, S(kind: .monthNumber, slot: .month), .dash, S(kind: .dayNumber, slot: .day)]) { c, _ in
            day(c.year, c.month, c.day).map { EventDate(start: $0) }
        },
        DateRule(name: "month day, year", steps: [.month(), .day(), .comma, .year]) { c, _ in
            day(c.year, c.month, c.day).map { EventDate(start: $0) }
        },
        DateRule(name: "day month year", steps: [.day(), .opt("of"), .month(), .comma, .year]) { c, _ in
            day(c.year, c.month, c.day).map { EventDate(start: $0) }
        },
        // A date restated in the other calendar in parentheses: the New Style day dates it.
        DateRule(name: "day month year (day month, New Style)",
            steps: [.day(), .opt("of"), .month(), .comma, .year, .w("("), .calendarNote, .comma, .day(.day2), .opt("of"),
                .month(.month2), .optional(.year2), .comma, .calendarNote, .w(")")]) { c, _ in restated(c) },
        DateRule(name: "month day, year (month day, New Style)",
            steps: [.month(), .day(), .comma, .year, .w("("), .calendarNote, .comma, .month(.month2), .day(.day2), .comma,
                .optional(.year2), .comma, .calendarNote, .w(")")]) { c, _ in restated(c) },
        // Months
        DateRule(name: "month–month year", steps: [.month(), .dash, .month(.month2), .comma, .year]) { c, _ in monthSpan(c) },
        // "from February to August 1964", "between March and May 2020": one year for both months.
        DateRule(name: "from month to month year",
            steps: [.w("from", "between", as: .cue), .month(), .w("to", "and", "until", "till"), .month(.month2), .comma,
                .year]) { c, _ in monthSpan(c) },
        DateRule(name: "month year", steps: [.month(), .comma, .year]) { c, _ in
            c.year.flatMap { PartialDate(year: $0, month: c.month) }.map { EventDate(start: $0) }
        },
        // Seasons and parts of a year: year precision, the wording kept.
        DateRule(name: "season year", steps: [.the, .season, .opt("of"), .year]) { c, _ in
            c.year.flatMap { PartialDate(year: $0) }.map { EventDate(start: $0, display: "\(c.word ?? "") \($0.year)") }
        },
        DateRule(name: "part of year", steps: [.the, .part, .opt("of"), .optional(.dash), S(kind: .yearAfterDash, slot: .year)]) { c, _ in
            guard let y = c.year, let d = PartialDate(year: y) else { return nil }
            return EventDate(start: d, qualifier: qualifier(c.part))
        },
        DateRule(name: "half of year", steps: [.the, S(kind: .half), .opt("of"), .year]) { c, _ in
            guard let y = c.year, let d = PartialDate(year: y) else { return nil }
            return EventDate(start: d, qualifier: qualifier(c.part))
        },
        // Years
        DateRule(name: "year–year", steps: [.rangeStart, .dash, .rangeEnd]) { c, _ in yearSpan(c.year, c.year2) },
        DateRule(name: "academic year", steps: [.rangeStart, .w("/"), .rangeEnd]) { c, _ in
            guard let a = c.year, let b = c.year2, (b < 0 ? a % 100 + 1 == -b : b == a + 1) else { return nil }
            return yearSpan(a, b)
        },
        DateRule(name: "from year to year",
            steps: [.w("from", "between", as: .cue), .year, .w("to", "and", "until", "till", "-", "–"),
                S(kind: .year, slot: .year2)]) { c, _ in
            yearSpan(c.year, c.year2)
        },
        DateRule(name: "year", steps: [.year]) { c, _ in c.year.flatMap { PartialDate(year: $0) }.map { EventDate(start: $0) } },
        // Decades and centuries
        DateRule(name: "decade", steps: [.the, .optional(.part), .optional(.dash), .decade]) { c, _ in decade(c.decade, c.part) },
        DateRule(name: "century",
            steps: [.the, .optional(.part), .optional(S(kind: .half)), .opt("of"), .opt("the"), .optional(.dash), .century,
                .optional(.dash), .w("century", "centuries")]) { c, _ in
            century(c.century, c.part)
        },
        // Relative to the date read last
        DateRule(name: "the same/next/previous year",
            steps: [.w("the"), .w("same", "following", "next", "previous", "preceding", as: .relative), .w("year")],
            isRelative: true) { c, context in
            guard let y = context.previous?.start.year else { return nil }
            return PartialDate(year: y + offset(c.word)).map { EventDate(start: $0) }
        },
        DateRule(name: "the same/next month",
            steps: [.w("the"), .w("same", "following", "next", "previous", as: .relative), .w("month")],
            isRelative: true) { c, context in
            guard let p = context.previous?.start, let m = p.month else { return nil }
            return shiftMonth(p.year, m, offset(c.word)).map { EventDate(start: $0) }
        },
        DateRule(name: "the next day",
            steps: [.w("the"), .w("same", "following", "next", "previous", as: .relative), .w("day")],
            isRelative: true) { c, context in
            guard let p = context.previous?.start, p.day != nil else { return nil }
            return p.adding(days: offset(c.word)).map { EventDate(start: $0) }
        },
        DateRule(name: "month of that year",
            steps: [.month(), .w("of"), .w("that", "the"), .opt("same"), .w("year")], isRelative: true) { c, context in
            guard let y = context.previous?.start.year else { return nil }
            return PartialDate(year: y, month: c.month).map { EventDate(start: $0) }
        },
        // Relative to the dateline
        DateRule(name: "last/next/this year", steps: [.w("last", "next", "this", as: .relative), .w("year")],
            isRelative: true) { c, context in
            guard let y = context.dateline?.year else { return nil }
            return PartialDate(year: y + offset(c.word)).map { EventDate(start: $0) }
        },
        DateRule(name: "last/next/this month", steps: [.w("last", "next", "this", as: .relative), .w("month")],
            isRelative: true) { c, context in
            guard let d = context.dateline, let m = d.month else { return nil }
            return shiftMonth(d.year, m, offset(c.word)).map { EventDate(start: $0) }
        },
        DateRule(name: "weekday", steps: [.w("on", "last", "next", as: .relative), .weekday], isRelative: true) { c, context in
            guard let d = context.dateline, let today = d.weekday else { return nil }
            var back = (today - (c.weekday ?? today) + 7) % 7
            if c.word == "last", back == 0 { back = 7 }
            if c.word == "next" { back = -((c.weekday ?? today) - today + 7) % 7 }
            return d.adding(days: -back).map { EventDate(start: $0) }
        },
        DateRule(name: "month alone", steps: [.month()], isRelative: true, needsCue: ["in", "since", "until", "by"]) { c, context in
            // "in January", "in May" of a news article: the dateline's year.
            guard let d = context.dateline, let m = c.month else { return nil }
            return PartialDate(year: d.year, month: m).map { EventDate(start: $0) }
        },
        DateRule(name: "day month", steps: [.day(), .opt("of"), .month()], isRelative: true) { c, context in
            dayWithoutYear(c.month, c.day, context)
        },
        DateRule(name: "month day", steps: [.month(), .day()], isRelative: true) { c, context in
            dayWithoutYear(c.month, c.day, context)
        },
    ]

    // MARK: Builders

    /// `Lexicon.calendarNotes` as the sentence pieces read them ("N.S." → "n", ".", "s", ".").
    static let calendarNotes: [(words: [String], note: Lexicon.CalendarNote)] = Lexicon.calendarNotes.map {
        (SentencePieces($0.phrase).pieces.map(\.lower), $0.note)
    }

    /// A date and its restatement in parentheses: the New Style day, which
    /// ISO 8601 dates are ("27 August 1689 (6 September, New Style)" is
    /// 1689-09-06; "25 December 1699 (4 January, N.S.)" falls in 1700);
    /// the first day when the parentheses give the Old Style. Without a
    /// marker of either, the parentheses are no restatement: nil.
    static func restated(_ c: DateCaptures) -> EventDate? {
        switch c.note {
        case .oldStyle?: return day(c.year, c.month, c.day).map { EventDate(start: $0) }
        case .newStyle?:
            guard let y = c.year, let m = c.month, let m2 = c.month2 else { return nil }
            return day(c.year2 ?? (m2 < m ? y + 1 : y), m2, c.day2).map { EventDate(start: $0) }
        case nil: return nil
        }
    }

    static func day(_ year: Int?, _ month: Int?, _ day: Int?) -> PartialDate? {
        guard let year, let month, let day else { return nil }
        return PartialDate(year: year, month: month, day: day)
    }

    static func span(_ a: PartialDate?, _ b: PartialDate?, _ precision: EventDate.Precision) -> EventDate? {
        guard let a, let b, a < b else { return nil }
        return EventDate(start: a, end: b, precision: precision)
    }

    /// Two months of one year, the first before the second ("January–March 2020").
    static func monthSpan(_ c: DateCaptures) -> EventDate? {
        guard let y = c.year, let a = PartialDate(year: y, month: c.month), let b = PartialDate(year: y, month: c.month2),
            a < b
        else { return nil }
        return EventDate(start: a, end: b, precision: .month)
    }

    /// "2014–2016", "2020-21", "2023/24" (a negative end is two digits); nil
    /// when the end is not a later year within thirty ("2009-1212").
    static func yearSpan(_ first: Int?, _ second: Int?) -> EventDate? {
        guard let a = first, var b = second else { return nil }
        if b < 0 { b = a / 100 * 100 - b }
        guard b > a, b - a <= 30, let s = PartialDate(year: a), let e = PartialDate(year: b) else { return nil }
        return EventDate(start: s, end: e, precision: .year)
    }

    static func qualifier(_ part: Lexicon.PeriodPart?) -> EventDate.Qualifier? {
        switch part {
        case .early, .firstHalf: .early
        case .mid: .mid
        case .late, .end, .secondHalf: .late
        case nil: nil
        }
    }

    /// "the 1990s" is 1990–1999; a part narrows it: early 0–3, mid 3–6, late 6–9.
    static func decade(_ start: Int?, _ part: Lexicon.PeriodPart?) -> EventDate? {
        guard let y = start else { return nil }
        let q = qualifier(part)
        let (a, b) = switch q {
        case .early: (0, 3)
        case .mid: (3, 6)
        case .late: (6, 9)
        default: (0, 9)
        }
        guard let s = PartialDate(year: y + a), let e = PartialDate(year: y + b), let d = PartialDate(year: y) else { return nil }
        return EventDate(start: s, end: e, precision: .decade, qualifier: q,
            display: EventDate.display(start: d, end: nil, precision: .decade, qualifier: q))
    }

    /// "the XVII century" is 1601–1700; a part is its span: "the middle of the
    /// XVII century" is 1634–1666, early the first third, late the last, a half its half.
    static func century(_ number: Int?, _ part: Lexicon.PeriodPart?) -> EventDate? {
        guard let c = number else { return nil }
        let first = (c - 1) * 100 + 1
        let (a, b) = switch part {
        case .early: (0, 32)
        case .mid: (33, 65)
        case .late, .end: (66, 99)
        case .firstHalf: (0, 49)
        case .secondHalf: (50, 99)
        case nil: (0, 99)
        }
        guard let s = PartialDate(year: first + a), let e = PartialDate(year: first + b), let d = PartialDate(year: first)
        else { return nil }
        let q = qualifier(part)
        return EventDate(start: s, end: e, precision: .century, qualifier: q,
            display: EventDate.display(start: d, end: nil, precision: .century, qualifier: q))
    }

    static func offset(_ word: String?) -> Int {
        switch word {
        case "last", "previous", "preceding": -1
        case "next", "following": 1
        default: 0
        }
    }

    static func shiftMonth(_ year: Int, _ month: Int, _ by: Int) -> PartialDate? {
        let m = year * 12 + (month - 1) + by
        return PartialDate(year: m / 12, month: m % 12 + 1)
    }

    /// "on 22 December" in an article datelined 14 March 2024 is 2023-12-22: the latest such day up to the dateline.
    static func dayWithoutYear(_ month: Int?, _ day: Int?, _ context: DateContext) -> EventDate? {
        guard let d = context.dateline, let month, let day else { return nil }
        let year = (month, day) > (d.month ?? 12, d.day ?? 31) ? d.year - 1 : d.year
        return PartialDate(year: year, month: month, day: day).map { EventDate(start: $0) }
    }
}

extension PartialDate {
    /// Days since 1970-01-01 of a day-precise date.
    var dayNumber: Int? {
        guard let m = month, let d = day else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// ISO weekday, Monday 1 … Sunday 7, of a day-precise date.
    var weekday: Int? { dayNumber.map { (($0 % 7) + 7 + 3) % 7 + 1 } }

    /// The day `days` after this one (before, when negative).
    func adding(days: Int) -> PartialDate? {
        guard let n = dayNumber.map({ $0 + days }) else { return nil }
        let z = n + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return PartialDate(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }
}
