/// The words of in-text citations: what a capitalised word before a number
/// in brackets may be when it is not an author, and the words that open a
/// sentence before a signal phrase's name.
extension Lexicon {
    /// "(Figure 3)", "(Article 4)", "(Table 2)": labels of things, not authors, lowercased.
    static let citationNonAuthors: Set<String> = [
        "figure", "fig", "figs", "table", "tables", "chart", "map", "graph", "diagram", "plate", "exhibit", "box",
        "article", "art", "arts", "chapter", "ch", "chap", "section", "sec", "part", "pt", "page", "pages", "p", "pp",
        "vol", "volume", "no", "number", "issue", "appendix", "annex", "note", "notes", "paragraph", "para", "clause",
        "item", "line", "row", "column", "col", "step", "stage", "phase", "level", "grade", "class", "type", "model",
        "version", "project", "resolution", "order", "law", "decree", "protocol", "point", "scene", "act", "verse",
        "week", "day", "year", "round", "session", "group", "zone", "region", "district", "block", "unit", "room",
        "route", "highway", "flight", "platform", "sample", "case", "wave", "question", "q", "survey", "equation", "eq",
    ]

    /// Capitalised words that open a sentence or clause before a signal phrase's name
    /// ("As Gabuev argues"): no given name, lowercased.
    static let signalPhraseOpeners: Set<String> = [
        "as", "but", "yet", "and", "or", "while", "whilst", "though", "although", "so", "thus", "hence", "here",
        "there", "still", "now", "then", "when", "where", "because", "since", "if", "even", "indeed", "instead",
        "similarly", "likewise", "moreover", "however", "later", "earlier", "only", "also", "today",
    ]

    /// The verbs of a signal phrase ("Rajan Menon notes that"), in the order the pattern tries them.
    static let citationReportingVerbs = [
        "notes", "argues", "observes", "writes", "says", "states", "points out", "suggests", "contends",
        "maintains", "claims", "asserts", "remarks", "explains", "noted", "argued", "observed", "wrote",
        "describes", "finds", "shows", "reports", "recalls", "estimates", "described", "found", "showed", "reported",
    ]
}
