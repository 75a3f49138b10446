import Foundation

/// A date as a sentence states it, with the words that state it.
struct DateMention: Sendable, Hashable {
    /// Scalar offsets into the sentence's cleaned text, including a leading
    /// preposition ("In May 2015", "since 1992", "before the end of 2020").
    var range: Range<Int>
    var date: EventDate
    /// Set when the year names a thing rather than dates the sentence's
    /// action: "the friendship treaty of 2001", "the joint statement 2005".
    /// The happening is then the thing itself, told again.
    var namedThing: String?
    /// Read against the dateline or the date before ("last year", "the same year").
    var isRelative = false
}

/// Of the dates `DateReader` reads in a sentence, the ones that date a happening.
///
/// Rules (no per-document code):
/// - A date inside parentheses is a citation ("(Bin, 2009)", "(Joint
///   Statement, 2005)") unless the parentheses hold nothing but the date:
///   "the South China (2016)" dates a happening, but not when a reporting
///   verb follows ("Smith (2020) argues that …": a citation of a work).
/// - A century counts only after a word that places something in it ("in the
///   XVII century", "goes back to the seventeenth century"): "the Maritime
///   Silk Road of the XXI century" names a project.
/// - A year after a dated-thing noun ("the treaty of 2001") names the thing.
/// - A date inside a quotation is the speaker's, not the text's.
enum DateMentionFinder {
    static func mentions(in text: String, context: DateReader.DateContext = .init()) -> [DateMention] {
        scan(text, context: context)?.mentions ?? []
    }

    /// A sentence's date mentions with its scalars, which the rest of event extraction reads again.
    struct Scan {
        var mentions: [DateMention]
        var scalars: [Unicode.Scalar]
    }

    /// Words before a century that place a happening in it.
    static let centuryCues: Set<String> = ["in", "during", "since", "by", "from", "until", "throughout", "to"]

    /// The mentions of `text`; nil when it holds none. `read` cuts and reads
    /// the sentence when the gate lets it through (`DocumentDates` shares what it read).
    static func scan(
        _ text: String, context: DateReader.DateContext = .init(),
        read: (String) -> DocumentDates.Sentence = { DocumentDates.Sentence($0) }
    ) -> Scan? {
        guard SentenceGate(text).mayHoldDate else { return nil }
        let dated = read(text)
        let readings = dated.readings(context: context)
        guard !readings.isEmpty else { return nil }
        let scalars = dated.pieces.scalars
        let parens = parenthesisSpans(scalars)
        var quotations = EventQuotationFilter()
        let quoted = scalars.map { !quotations.keeps($0) }
        var found: [DateMention] = []
        for reading in readings {
            // Someone's words: "'next year' since 2015," said a consultant.
            if quoted[reading.core.lowerBound] { continue }
            if let paren = parens.first(where: { $0.contains(reading.core.lowerBound) }) {
                guard holdsOnly(reading.core, paren, scalars), !isCitationOfWork(after: paren, in: scalars) else { continue }
            }
            if reading.date.precision == .century, !centuryCues.contains(reading.cue ?? "") { continue }
            var date = reading.date
            if reading.cue == "since" {
                date = EventDate(start: date.start, end: date.end, precision: date.precision, qualifier: .since)
            }
            let nameable = ["year", "year–year"].contains(reading.rule) && (reading.cue == nil || reading.cue == "of")
            let named = nameable ? namedThing(before: reading.range.lowerBound, in: scalars) : nil
            found.append(DateMention(range: reading.range, date: date, namedThing: named, isRelative: reading.isRelative))
        }
        // "carried out in 2005 ... 'Peace Mission 2005'": one date told twice in a sentence is one mention.
        var result: [DateMention] = []
        for m in found {
            if let i = result.firstIndex(where: { $0.date.start == m.date.start && $0.date.end == m.date.end }) {
                if result[i].namedThing != nil && m.namedThing == nil { result[i] = m }
                continue
            }
            result.append(m)
        }
        return result.isEmpty ? nil : Scan(mentions: result, scalars: scalars)
    }

    // MARK: Named things

    static let thingNouns = Set(Lexicon.datedThings.keys)
    static let determiners: Set<String> = ["the", "a", "an", "this", "that", "its", "their", "his", "her", "issuing", "of"]

    /// "the friendship treaty of 2001" → "friendship treaty"; nil unless the
    /// word before the year (or before "of") is a thing that can be dated.
    static func namedThing(before offset: Int, in s: [Unicode.Scalar]) -> String? {
        namedThing(head: String(scalars: s[..<offset]))
    }

    static func namedThing(head: String) -> String? {
        var words = head.split(whereSeparator: { $0 == " " }).map(String.init)
        if words.last?.lowercased() == "of" { words.removeLast() }
        guard let noun = words.last, thingNouns.contains(bare(noun).lowercased()) else { return nil }
        var phrase: [String] = [noun]
        for w in words.dropLast().reversed().prefix(2) {
            if bare(w).isEmpty || determiners.contains(bare(w).lowercased()) || w.last == "," { break }
            phrase.insert(bare(w), at: 0)
        }
        return bare(phrase.joined(separator: " "))
    }

    static func bare(_ word: String) -> String { EdgeTrim.punctuation.trim(word) }

    // MARK: Parentheses

    /// Whether the parentheses `paren` hold nothing but `core` and whitespace.
    static func holdsOnly(_ core: Range<Int>, _ paren: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        let inner = (paren.lowerBound + 1)..<max(paren.lowerBound + 1, paren.upperBound - 1)
        return inner.allSatisfy { core.contains($0) || s[$0].properties.isWhitespace }
    }

    /// "Smith (2020) argues", "Lo and Trenin (2017) show": a bare year in
    /// parentheses followed by a reporting verb cites a work.
    static func isCitationOfWork(after paren: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        guard paren.upperBound < s.count else { return false }
        let rest = String(scalars: s[paren.upperBound...]).lowercased()
        guard let next = rest.split(whereSeparator: { !$0.isLetter }).first else { return false }
        return Lexicon.reportingVerbs.contains(String(next))
    }

    /// Balanced `( ... )` spans, end exclusive, so a year can be told to sit in a citation.
    static func parenthesisSpans(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var stack: [Int] = []
        for (i, c) in s.enumerated() {
            if c == "(" { stack.append(i) } else if c == ")", let open = stack.popLast() { spans.append(open..<(i + 1)) }
        }
        // An unclosed "(" (a citation cut by a page break) runs to the end of the sentence.
        for open in stack { spans.append(open..<s.count) }
        return spans
    }
}
