/// A curated correction for an event, from the `events` array of
/// `annotations/<document>.json`.
///
/// `quote` (verbatim, required) picks the event: the one whose dating words
/// lie inside the quote ("expected to be put into operation in October
/// 2019"); for a note without `date`, failing that, the one whose sentence
/// holds the quote. Every other field is optional and replaces what
/// extraction found. A note with a `date` whose quote holds no extracted
/// date adds the event (its sentence is the source). `exclude` drops a false
/// positive. `same_as` without `date` on an undated sentence attaches it as
/// one more source of the event `same_as` quotes.
///
/// The annotations are also the ground truth of the default corpus:
/// `EventRecallTests` checks that extraction alone finds each one, at its `date`.
public struct EventAnnotation: Codable, Sendable, Hashable, QuotedAnnotation {
    public var quote: String
    public var title: String?
    public var category: EventCategory?
    public var status: EventStatus?
    public var actors: [String]?
    public var date: EventDate?
    public var exclude: Bool?
    /// A verbatim quote of another telling of the same happening that the
    /// merge rule misses; the two events become one.
    public var sameAs: String?
    /// Why this record is curated, for the next curator.
    public var note: String?

    public init(
        quote: String, title: String? = nil, category: EventCategory? = nil, status: EventStatus? = nil,
        actors: [String]? = nil, date: EventDate? = nil, exclude: Bool? = nil, sameAs: String? = nil, note: String? = nil
    ) {
        self.quote = quote
        self.title = title
        self.category = category
        self.status = status
        self.actors = actors
        self.date = date
        self.exclude = exclude
        self.sameAs = sameAs
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case quote, title, category, status, actors, date, exclude, note
        case sameAs = "same_as"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quote, forKey: .quote)
        try c.encode(title, forKey: .title)
        try c.encode(category, forKey: .category)
        try c.encode(status, forKey: .status)
        try c.encode(actors, forKey: .actors)
        try c.encode(date, forKey: .date)
        try c.encode(exclude, forKey: .exclude)
        try c.encode(sameAs, forKey: .sameAs)
        try c.encode(note, forKey: .note)
    }
}
