/// The records of a `DocumentExtraction` in a format-2 cache entry, field by
/// field (`docs/cache.md`, "Payload"). Each record's fields are written and
/// read in the order of its declaration; a field added to a record must be
/// added here and `CacheEntry.formatVersion` raised, or the round-trip test
/// (`ExtractionCacheTests.theBinaryEntryRoundTripsEveryField`) fails.
extension DocumentExtraction {
    func write(to w: inout EntryWriter) {
        w.array(references) { $0.reference($1) }
        w.array(citations) { $0.citation($1) }
        w.array(events) { $0.candidate($1) }
        w.array(joins) { w, join in
            w.uint(join.first)
            w.uint(join.second)
        }
        w.array(observations) { $0.observation($1) }
    }

    init(from r: inout EntryReader) throws(CacheEntry.Invalid) {
        references = try r.array { r throws(CacheEntry.Invalid) in try r.reference() }
        citations = try r.array { r throws(CacheEntry.Invalid) in try r.citation() }
        events = try r.array { r throws(CacheEntry.Invalid) in try r.candidate() }
        joins = try r.array { r throws(CacheEntry.Invalid) in Join(first: try r.uint(), second: try r.uint()) }
        observations = try r.array { r throws(CacheEntry.Invalid) in try r.observation() }
        for join in joins where join.first >= events.count || join.second >= events.count {
            throw CacheEntry.Invalid(reason: "a join names telling \(max(join.first, join.second)) of \(events.count)")
        }
    }
}

// MARK: - References

extension EntryWriter {
    mutating func reference(_ r: Reference) {
        // The line first: its quote is usually `raw`, which then costs one varint.
        provenance(r.source)
        string(r.id)
        string(r.document)
        string(r.type)
        array(r.author) { $0.name($1) }
        array(r.editor) { $0.name($1) }
        optional(r.issued) { $0.date($1) }
        optionalString(r.title)
        optionalString(r.containerTitle)
        optionalString(r.volume)
        optionalString(r.issue)
        optionalString(r.page)
        optionalString(r.publisher)
        optionalString(r.publisherPlace)
        optionalString(r.url)
        optionalString(r.doi)
        optional(r.accessed) { $0.date($1) }
        optionalString(r.language)
        optionalString(r.originalTitle)
        optionalString(r.note)
        optional(r.year) { $0.int($1) }
        optionalString(r.yearSuffix)
        string(r.raw)
        int(r.citedCount)
    }

    mutating func name(_ n: CSLName) {
        optionalString(n.family)
        optionalString(n.given)
        optionalString(n.literal)
    }

    mutating func date(_ d: CSLDate) {
        array(d.dateParts) { w, parts in w.array(parts) { $0.int($1) } }
    }
}

extension EntryReader {
    mutating func reference() throws(Invalid) -> Reference {
        let source = try provenance()
        var r = Reference(id: try string(), document: try string(), type: try string(), raw: "", source: source)
        r.author = try array { r throws(Invalid) in try r.name() }
        r.editor = try array { r throws(Invalid) in try r.name() }
        r.issued = try optional { r throws(Invalid) in try r.date() }
        r.title = try optionalString()
        r.containerTitle = try optionalString()
        r.volume = try optionalString()
        r.issue = try optionalString()
        r.page = try optionalString()
        r.publisher = try optionalString()
        r.publisherPlace = try optionalString()
        r.url = try optionalString()
        r.doi = try optionalString()
        r.accessed = try optional { r throws(Invalid) in try r.date() }
        r.language = try optionalString()
        r.originalTitle = try optionalString()
        r.note = try optionalString()
        r.year = try optional { r throws(Invalid) in try r.int() }
        r.yearSuffix = try optionalString()
        r.raw = try string()
        r.citedCount = try int()
        return r
    }

    mutating func name() throws(Invalid) -> CSLName {
        CSLName(family: try optionalString(), given: try optionalString(), literal: try optionalString())
    }

    mutating func date() throws(Invalid) -> CSLDate {
        var date = CSLDate(year: 1)
        date.dateParts = try array { r throws(Invalid) in try r.array { r throws(Invalid) in try r.int() } }
        return date
    }
}

// MARK: - In-text citations

extension EntryWriter {
    mutating func citation(_ c: InTextCitation) {
        provenance(c.source)
        provenance(c.span)
        string(c.id)
        string(c.document)
        string(c.passage)
        string(c.text)
        strings(c.authors)
        optional(c.year) { $0.int($1) }
        optionalString(c.yearSuffix)
        optionalString(c.locator)
        string(c.kind.rawValue)
        optionalString(c.referenceID)
        strings(c.referenceIDs)
        bool(c.resolved)
        optionalString(c.match)
        optionalString(c.unresolvedReason)
    }
}

extension EntryReader {
    mutating func citation() throws(Invalid) -> InTextCitation {
        let source = try provenance()
        let span = try provenance()
        var c = InTextCitation(
            id: try string(), document: try string(), passage: try string(), text: try string(), authors: try strings(),
            year: try optional { r throws(Invalid) in try r.int() }, yearSuffix: try optionalString(),
            locator: try optionalString(), kind: try value(InTextCitation.Kind.self), source: source, span: span)
        c.referenceID = try optionalString()
        c.referenceIDs = try strings()
        c.resolved = try bool()
        c.match = try optionalString()
        c.unresolvedReason = try optionalString()
        return c
    }
}

// MARK: - Event tellings

extension EntryWriter {
    mutating func candidate(_ c: EventCandidate) {
        event(c.event)
        strings(c.keyTerms.sorted())
        int(c.order.document)
        int(c.order.offset)
        bool(c.curated)
        bool(c.isRetelling)
        bool(c.excluded)
        strings(c.sameAs)
    }

    mutating func event(_ e: TimelineEvent) {
        // Sources first: the summary is usually the first source's text.
        array(e.evidence) { w, source in
            w.provenance(source.provenance)
            w.strings(source.citations)
            w.optional(source.mention) { w, range in
                w.int(range.lowerBound)
                w.int(range.upperBound)
            }
        }
        string(e.id)
        partialDate(e.date.start)
        optional(e.date.end) { $0.partialDate($1) }
        string(e.date.precision.rawValue)
        optionalString(e.date.qualifier?.rawValue)
        string(e.date.display)
        string(e.status.rawValue)
        string(e.title)
        string(e.summary)
        string(e.category.rawValue)
        strings(e.actors)
    }

    mutating func partialDate(_ d: PartialDate) {
        int(d.year)
        int(d.month ?? 0)
        int(d.day ?? 0)
    }
}

extension EntryReader {
    mutating func candidate() throws(Invalid) -> EventCandidate {
        let event = try event()
        let keyTerms = Set(try strings())
        var c = EventCandidate(event: event, keyTerms: keyTerms, order: (try int(), try int()))
        c.curated = try bool()
        c.isRetelling = try bool()
        c.excluded = try bool()
        c.sameAs = try strings()
        return c
    }

    mutating func event() throws(Invalid) -> TimelineEvent {
        let evidence = try array { r throws(Invalid) -> EventSource in
            let provenance = try r.provenance()
            let citations = try r.strings()
            let mention = try r.optional { r throws(Invalid) -> Range<Int> in
                let (a, b) = (try r.int(), try r.int())
                guard a <= b else { throw Invalid(reason: "mention \(a)..<\(b)") }
                return a..<b
            }
            return EventSource(provenance: provenance, citations: citations, mention: mention)
        }
        let id = try string()
        let start = try partialDate()
        let end = try optional { r throws(Invalid) in try r.partialDate() }
        let date = EventDate(
            start: start, end: end, precision: try value(EventDate.Precision.self),
            qualifier: try optionalString().map { raw throws(Invalid) in
                guard let q = EventDate.Qualifier(rawValue: raw) else { throw Invalid(reason: "\"\(raw)\" is not a date qualifier") }
                return q
            },
            display: try string())
        return TimelineEvent(
            id: id, date: date, status: try value(EventStatus.self), title: try string(), summary: try string(),
            category: try value(EventCategory.self), actors: try strings(), evidence: evidence)
    }

    mutating func partialDate() throws(Invalid) -> PartialDate {
        let (year, month, day) = (try int(), try int(), try int())
        guard let date = PartialDate(year: year, month: month == 0 ? nil : month, day: day == 0 ? nil : day) else {
            throw Invalid(reason: "\(year)-\(month)-\(day) is not a date")
        }
        return date
    }
}

// MARK: - Figures

extension EntryWriter {
    mutating func observation(_ o: Observation) {
        array(o.sources) { $0.provenance($1) }
        array(o.figures) { $0.figure($1) }
        string(o.id)
        string(o.measure)
        string(o.label)
        double(o.value)
        string(o.unit)
        optionalString(o.period)
        optionalString(o.periodStart)
        optionalString(o.periodEnd)
        string(o.qualifier.rawValue)
        optional(o.change) { w, change in
            w.double(change.value)
            w.string(change.unit)
            w.string(change.direction.rawValue)
            w.optionalString(change.basis)
        }
        string(o.category.rawValue)
        optionalString(o.reporter)
        strings(o.citations)
        bool(o.isTarget)
    }
}

extension EntryReader {
    mutating func observation() throws(Invalid) -> Observation {
        let sources = try array { r throws(Invalid) in try r.provenance() }
        let figures = try array { r throws(Invalid) in try r.figure() }
        let (id, measure, label, value, unit) = (try string(), try string(), try string(), try double(), try string())
        let (period, periodStart, periodEnd) = (try optionalString(), try optionalString(), try optionalString())
        let qualifier = try self.value(Qualifier.self)
        let change = try optional { r throws(Invalid) in
            Change(value: try r.double(), unit: try r.string(), direction: try r.value(Change.Direction.self), basis: try r.optionalString())
        }
        var o = Observation(
            id: id, measure: measure, label: label, value: value, unit: unit, period: nil, qualifier: qualifier,
            change: change, category: try self.value(IndicatorCategory.self), reporter: try optionalString(),
            citations: try strings(), isTarget: try bool(), sources: sources, figures: figures)
        o.period = period
        o.periodStart = periodStart
        o.periodEnd = periodEnd
        return o
    }
}
