/// Bibliographic facts about one document, read from its metadata JSON file.
///
/// Fields the source does not print stay `nil` rather than guessed (the
/// Pathak article prints no year, so its `year` is `nil` and `note` says what
/// is known).
public struct DocumentMetadata: Codable, Sendable, Hashable {
    public var id: String
    /// The text file's name inside the corpus directory, kept byte for byte.
    public var text: String
    public var title: String
    public var authors: [Author]
    public var year: Int?
    public var venue: Venue?
    public var publisher: String?
    public var doi: String?
    public var issn: String?
    public var url: String?
    public var licence: String?
    public var language: String?
    /// What is known where a field is missing ("no year printed; latest reference 2021").
    public var note: String?

    public init(
        id: String, text: String, title: String, authors: [Author], year: Int? = nil,
        venue: Venue? = nil, publisher: String? = nil, doi: String? = nil, issn: String? = nil,
        url: String? = nil, licence: String? = nil, language: String? = nil, note: String? = nil
    ) {
        self.id = id
        self.text = text
        self.title = title
        self.authors = authors
        self.year = year
        self.venue = venue
        self.publisher = publisher
        self.doi = doi
        self.issn = issn
        self.url = url
        self.licence = licence
        self.language = language
        self.note = note
    }

    public struct Author: Codable, Sendable, Hashable {
        public var family: String
        public var given: String?
        public var affiliation: String?
        public init(family: String, given: String? = nil, affiliation: String? = nil) {
            self.family = family
            self.given = given
            self.affiliation = affiliation
        }
    }

    public struct Venue: Codable, Sendable, Hashable {
        public var journal: String?
        public var volume: String?
        public var issue: String?
        public var pages: String?
        public init(journal: String? = nil, volume: String? = nil, issue: String? = nil, pages: String? = nil) {
            self.journal = journal
            self.volume = volume
            self.issue = issue
            self.pages = pages
        }
    }
}
