/// The words that judge a clause: whether it tells a happening at all, and
/// whether the happening took place, is planned or is expected. All
/// lowercase; phrases are matched on word boundaries (see `CueMatcher`).
extension Lexicon {
    /// Verbs that report what a work says: "Smith (2020) argues that …".
    static let reportingVerbs: Set<String> = [
        "argue", "argues", "argued", "notes", "noted", "note", "observes", "observed", "shows", "showed", "show",
        "writes", "wrote", "claims", "claimed", "suggests", "suggested", "contends", "contended", "finds", "found",
        "points", "pointed", "maintains", "maintained", "states", "stated", "describes", "described", "emphasises",
        "emphasizes", "stresses", "stressed", "concludes", "concluded", "explains", "explained", "remarks",
        "remarked", "insists", "calls", "called", "demonstrates", "demonstrated", "reports", "reported", "documents",
        "documented", "traces", "traced", "recalls", "recalled", "warns", "warned", "put", "puts", "describe",
        "observe", "write", "claim", "suggest", "contend", "find", "point", "maintain", "state", "emphasise",
        "emphasize", "stress", "conclude", "explain", "remark", "insist", "call", "demonstrate", "report",
        "document", "trace", "recall", "warn", "see", "cf",
    ]

    /// A clause that talks about the text itself ("This article traces …",
    /// "we argue"): the article's own moves, never a happening.
    static let selfReferenceCues = [
        "this article", "this paper", "this study", "this essay", "this brief", "this chapter", "this book",
        "this section", "this report", "the present article", "the present study", "the present paper",
        "we argue", "we show", "we trace", "we examine", "we discuss", "we find", "we focus", "we consider",
        "i argue", "i show", "i trace", "i examine", "i discuss", "the article", "the paper",
        // The authors as the subject, whatever they do: "Between May and July 2022 we interviewed
        // 46 clinicians", "We expect exports to recover in 2025" (quotations are read out first).
        "we",
    ]

    /// The parts of a text its outline names by number ("Section II reviews …", "Table 1 lists …"),
    /// and the verbs of that outline: such a clause talks about the text itself.
    static let documentPartWords: Set<String> = ["section", "sections", "chapter", "chapters", "table", "figure", "fig", "appendix"]
    static let textMoveVerbs: Set<String> = [
        "reviews", "review", "discusses", "discuss", "concludes", "lists", "list", "describes", "describe", "presents",
        "present", "examines", "examine", "shows", "show", "traces", "trace", "summarises", "summarizes", "outlines",
        "turns", "considers", "analyses", "analyzes", "compares", "gives", "sets", "introduces", "surveys", "covers",
    ]

    /// A clause that negates its happening ("no contract was signed", "did
    /// not take place", "denied the deal had been signed").
    static let negationCues = [
        "not", "n't", "never", "no", "none", "neither", "nor", "denied", "denies", "deny", "failed to",
    ]

    /// Phrases with a negation word that do not negate the clause.
    static let negationExceptions = [
        "not only", "not least", "no longer", "no less", "not just", "nothing but", "no doubt", "not until",
        "no sooner", "no.", "not un", "no later than", "no more than", "no fewer than",
    ]

    /// A clause that imagines its happening: conditional, counterfactual or
    /// speculative ("If … were to …", "Had X accepted …, could have …",
    /// "Were X to …", "…, say in 2027").
    static let hypotheticalCues = [
        "if", "unless", "were to", "could have", "would have", "might have", "should have", "whether", "would", "suppose", "supposing", "imagine", "hypothetical", "hypothetically", "say in", "in theory",
        "as if", "were it", "had it",
    ]

    /// Words that open an inverted conditional when they start a sentence
    /// and a subject follows: "Had Beijing accepted …", "Were Washington to …".
    static let invertedConditionals: Set<String> = ["had", "were", "should"]

    /// A clause that plans its happening.
    static let plannedCues = [
        "according to the plan", "planned to", "planned for", "plans to", "plan to", "going to be held",
        "to be held", "scheduled", "intend to", "intends to", "will be held", "is going to", "are going to",
        "due to be", "due in", "is to be", "are to be", "is planned", "are planned", "is set to", "are set to",
    ]

    /// A clause that expects its happening with a modal future ("will be
    /// signed"); a forecast word (`expectedCues`, Qualifiers.swift) does too.
    static let futureModals = ["will be", "will", "shall"]

    /// Modals of supposition: a figure near one is not a finding ("half of
    /// this trade could freeze"); an event needs the stronger
    /// `hypotheticalCues` ("could have") to be dropped.
    static let speculativeModals = ["could", "might"]

    /// Words just before a date that make it a line about the publication,
    /// never a happening: "Received 3 May 2024", "Accessed 3 Mar. 2024", "© 2025".
    static let publicationLineWords: Set<String> = [
        "received", "accepted", "published", "revised", "submitted", "accessed", "retrieved", "copyright", "©",
        "online",
    ]

    /// First words of a line about the publication itself, whatever verb
    /// follows: "Manuscript completed on 10 June 2024".
    static let publicationLineOpeners: Set<String> = ["manuscript"]

    /// Words just before a `since` date that make it the yardstick of a
    /// comparison ("weaker than at any time since 1992", "the first time
    /// since 1957", "its largest exercise since 1981"), besides superlatives
    /// in "-est", which are read by their ending.
    static let comparisonsBeforeSince: Set<String> = ["than", "time", "most", "least", "best", "worst"]

    /// Openers of lines that annotate a table or figure, never a happening:
    /// "Source: Bank of Russia (2024)", "Note: figures for 2024 are preliminary".
    static let annotationOpeners = ["source:", "sources:", "note:", "notes:", "figure ", "table "]

    /// Verbs of a happening: a clause with one tells an event even when it
    /// also gives a figure ("signed a deal for 24 aircraft worth US$2.5 billion").
    static let happeningVerbs = [
        "signed", "concluded", "agreed", "launched", "founded", "established", "opened", "held", "visited",
        "created", "adopted", "announced", "approved", "ratified", "completed", "began", "started", "imposed",
        "introduced", "raised", "cut", "joined", "met", "hosted", "delivered", "sold", "bought",
        "acquired", "built", "clashed", "seized", "crossed", "set", "took place", "stopped", "suspended", "extended",
        "renewed", "declared", "inaugurated", "overtook", "overtakes", "resumed", "collapsed", "tightened", "eased",
        "lifted", "banned", "closed", "transferred", "withdrew", "invaded", "attacked", "fought", "expired",
        "entered", "won", "elected", "appointed", "recognised", "recognized", "visit", "ordered the", "ordered a", "ordered an", "ordered its",
        // A capacity multiplied, a first run, a loan given: happenings beside their figure
        // ("capacity was doubled to 30 million tonnes in 2018", "carried its first train in November 2022").
        "doubled", "tripled", "halved", "its first", "their first", "became the first", "provided a loan",
        "granted a loan",
    ]

    /// Verbs that bring a figure to its level ("amounted to 153", "reached
    /// $20 billion"): a number just after one is a figure, whatever its unit.
    /// A change word and "by" does the same ("rose by 40").
    static let figureVerbs = ["amounted to", "amounting to", "reached", "exceeded", "totalled", "totaled"]

    /// Marks of a bibliographic note or reference entry written inside the
    /// text (a Chicago footnote): "Ibid.", "(Moscow: Nauka, 1996)", ", no. 4", "ISSN".
    static let referenceMarks = ["ibid", ", no. ", " vol. ", " pp. ", "issn", " op. cit", "accessed ", "retrieved "]

    /// Nouns of data sets: "figures for 2024", "the data for 2015–2017" date the data, not a happening.
    static let dataNouns: Set<String> = [
        "data", "figures", "figure", "statistics", "numbers", "estimates", "estimate", "series", "values",
    ]

    /// Nouns a year qualifies as a baseline: "half of their 2019 level", "2010 prices".
    static let baselineNouns: Set<String> = ["level", "levels", "prices", "peak", "terms", "baseline", "average"]

    /// A `since` date in a clause with one of these starts a lasting state, not a happening:
    /// "has been the mainstay of the economy since the 1970s", "has been debated since 2011".
    static let sinceStateCues = ["has been", "have been", "had been"]

    /// A clause that describes a state, not a happening: "by 2023 there were nineteen".
    static let stateCues = ["there were", "there was", "there are", "there is", "there have been"]

    /// Words of a figure's sentence that speak of the present, which are no
    /// date at all ("Currently", "To date", "At present").
    static let presentCues = ["currently", "to date", "at present", "presently", "today", "now", "this year"]
}
