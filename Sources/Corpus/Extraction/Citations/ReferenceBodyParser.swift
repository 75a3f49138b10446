import Foundation

/// The part of an entry after its authors and year: title, container
/// (journal, book, newspaper), editors, volume(issue), pages, place: publisher,
/// and the CSL type these imply.
extension ReferenceParser {
    /// Title, then container, editors, volume, pages, place and publisher.
    static func parseBody(_ body: String, into f: inout ReferenceFields) {
        var rest = TextPattern.trimSpaces(body)
        if let first = rest.first, first == "\"" || first == "“" {
            let inner = rest.dropFirst()
            // The closing quote, unless an italic container or the end comes first (a quote left open).
            if let close = inner.firstIndex(where: { $0 == "\"" || $0 == "”" }),
                inner[..<close].firstIndex(of: "*") == nil
            {
                f.title = cleanTitle(String(inner[..<close]))
                rest = String(inner[inner.index(after: close)...])
            } else if let star = inner.firstIndex(of: "*") {
                f.title = cleanTitle(String(inner[..<star]))
                rest = String(inner[star...])
            } else {
                f.title = cleanTitle(String(inner))
                rest = ""
            }
        } else if let m = TextPattern.firstMatch("^\\*([^*]+)\\*(.*)$", in: rest) {
            f.title = cleanTitle(m[1]!)
            f.type = "book"
            rest = m[2]!
        } else if let m = TextPattern.firstMatch("^(.+?[^\\s.]{2}[.?!])\\s+(\\p{Lu}.*)$", in: rest) {
            f.title = cleanTitle(m[1]!)
            rest = m[2]!
        } else {
            f.title = cleanTitle(rest)
            rest = ""
        }
        parseContainer(rest, into: &f)
    }

    static func parseContainer(_ text: String, into f: inout ReferenceFields) {
        var rest = text
        // Each pattern runs only when the text has its literal.
        // A field taken out is removed with every other match of its pattern.
        if ByteSearch.contains(rest, "(ed"), let (m, remaining) = TextPattern.firstMatchRemovingAll("\\bin\\s+(.+?)\\s*\\((eds?)\\.?\\)", in: rest) {
            f.editor = m[1]!.components(separatedBy: " and ").flatMap { namesGivenFirst($0) }
            rest = remaining
            f.type = "chapter"
        }
        if ByteSearch.contains(rest, "*"), let (m, remaining) = TextPattern.firstMatchRemovingAll(italicPattern, in: rest) {
            if f.type == "book" {
                // The italic part was the book title; a second italic is a series or reprint.
                f.containerTitle = f.containerTitle ?? cleanTitle(m[1]!)
            } else {
                f.containerTitle = cleanTitle(m[1]!)
            }
            rest = remaining
        }
        if ByteSearch.contains(rest, "ewspaper") || ByteSearch.contains(f.title ?? "", "ewspaper"),
            let m = TextPattern.firstMatch("[Nn]ewspaper\\s+[\"“]([^\"”]+?)[,.]?[\"”]", in: rest + " " + (f.title ?? ""))
        {
            f.containerTitle = m[1]
            f.type = "interview"
        }
        if ByteSearch.hasParenthesisThenPossibleDigit(rest), let m = TextPattern.firstMatch("(\\d+)\\s*\\((\\d+)\\)", in: rest) {
            f.volume = m[1]
            f.issue = m[2]
        }
        if ByteSearch.contains(rest, "p."), let m = TextPattern.firstMatch("\\bpp?\\.\\s*(\\d+\\s*[-–]\\s*\\d+)", in: rest) {
            f.page = m[1]!.replacingOccurrences(of: " ", with: "")
        } else if ByteSearch.contains(rest, ")"),
            let m = TextPattern.firstMatch("\\d\\)\\s*,\\s*(\\d+\\s*[-–]\\s*\\d+)", in: rest)
        {
            f.page = m[1]!.replacingOccurrences(of: " ", with: "")
        }
        if f.containerTitle == nil, ByteSearch.contains(rest, ","),
            let m = TextPattern.firstMatch("^[\\s,.]*([\\p{Lu}][^,]+?),\\s*(\\d+)\\.?\\s*$", in: rest)
        {
            f.containerTitle = m[1]
            f.volume = m[2]
            rest = ""
        }
        if ByteSearch.contains(rest, ":"),
            let m = TextPattern.firstMatch("(?:^|[\\s,.])(\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?):\\s+([^,]+?)\\.?\\s*(?:,|$)", in: rest)
        {
            f.publisherPlace = m[1]
            f.publisher = m[2]
        } else if f.publisher == nil, f.containerTitle == nil || f.type == "book", ByteSearch.contains(rest, " "),
            let m = TextPattern.firstMatch("^[\\s,.]*((?:The )?\\p{Lu}\\p{L}+(?: (?:of|and|the|\\p{Lu}\\p{L}+))+)\\.?\\s*$", in: rest)
        {
            f.publisher = m[1]
        }
        if ByteSearch.contains(rest, "Report"), TextPattern.matches("\\bReports?\\b", rest), f.type != "chapter" {
            f.type = "report"
            if f.publisher == nil, let m = TextPattern.firstMatch("((?:The )?(?:\\p{Lu}\\p{L}+ )+)Reports?", in: rest) {
                f.publisher = TextPattern.trim(m[1]!)
            }
            // "The Century Foundation Reports": the series word is not the publisher's name.
            f.publisher = f.publisher.map { TextPattern.replace("\\s+Reports?$", in: $0, with: "") }
        }
        if f.type == "book", f.publisher == nil, ByteSearch.contains(rest, ","),
            let m = TextPattern.firstMatch("^[\\s,.]*(\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?),\\s*(\\p{Lu}[\\p{L} ]+?)\\.?\\s*$", in: rest)
        {
            f.publisherPlace = m[1]
            f.publisher = m[2]
        }
        if f.type == "document", f.containerTitle != nil, f.title != nil {
            let dayMonth = Lexicon.monthNames.contains { ByteSearch.contains(rest, $0) } && TextPattern.matches(dayMonthPattern, rest)
            f.type = dayMonth ? "article-newspaper" : "article-journal"
        }
        let tail = TextPattern.trim(rest)
        if f.publisher == nil, f.type == "document", TextPattern.matches(publisherOpeningPattern, tail) { f.publisher = tail }
    }

    /// "*Journal*": an italic part.
    static let italicPattern = "\\*([^*]+)\\*"

    /// "30 August": a container with a day and month is a newspaper's.
    static let dayMonthPattern = "\\b\\d{1,2}\\s+(?:" + Lexicon.monthNames.joined(separator: "|") + ")\\b"
    /// A bare tail that names a government body is the publisher.
    static let publisherOpeningPattern = "^(?:Ministry|Office|Department|The Information Office|Government)"
    /// Titles of treaties and joint statements (`Lexicon.treatyWords`, matched ignoring case).
    static let treatyPattern = "\\b(?:" + Lexicon.treatyWords.joined(separator: "|") + ")\\b"

    /// Final type guess for entries the steps above left as a plain `document`.
    static func finish(_ input: ReferenceFields) -> ReferenceFields {
        var f = input
        guard f.type == "document" else { return f }
        let title = f.title ?? ""
        let persons = f.author.contains { !$0.isOrganisation }
        if title.utf8.starts(with: "Interview".utf8), TextPattern.matches("^Interview\\b", title) {
            f.type = "interview"
        } else if !persons, TextPattern.matches(treatyPattern, title, options: .caseInsensitive) {
            f.type = "treaty"
        } else if ByteSearch.contains(title, "White Paper") || ByteSearch.contains(title, "Report"),
            TextPattern.matches("\\bWhite Paper\\b|\\bReport\\b", title)
        {
            f.type = "report"
        } else if f.containerTitle != nil {
            f.type = "article-journal"
        } else if f.url != nil || f.accessed != nil {
            f.type = "webpage"
        }
        return f
    }
}
