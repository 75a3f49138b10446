/// The words of reference lists: the headings that open one, in every
/// language of the corpus, and the lowercase particles a family name may
/// open with ("van Dijk", "de la Macorra", "al-Rashid").
extension Lexicon {
    /// Headings of a reference list or of the notes that serve as one, lowercased.
    static let referenceHeadings: Set<String> = [
        "references", "reference list", "list of references", "bibliography", "select bibliography",
        "literature", "literature cited", "works cited", "works consulted", "sources", "references and notes",
        "notes and references",
        "список литературы", "литература", "библиография", "список использованных источников", "источники",
        "参考文献", "参考书目", "文献",
    ]

    /// Headings of notes, which are the reference list only when the document has no other.
    static let noteHeadings: Set<String> = ["notes", "endnotes", "примечания", "注释"]

    /// Particles that open a family name and are written in lower case.
    static let nameParticles: Set<String> = [
        "van", "von", "de", "del", "della", "der", "den", "di", "da", "das", "dos", "du", "la", "le", "ter", "ten",
        "al", "el", "bin", "ibn", "zu", "vom", "y",
    ]

    /// Words that make an author an organisation (CSL `literal`), lowercased.
    static let organisationWords: Set<String> = [
        "university", "institute", "institution", "ministry", "organization", "organisation", "bank", "association",
        "committee", "council", "agency", "office", "department", "commission", "centre", "center", "foundation",
        "group", "ltd", "inc", "corporation", "bureau", "government", "society", "administration", "service",
        "federation", "union", "nations", "board", "academy", "press", "company", "network", "programme", "program",
        "министерство", "институт", "служба", "банк", "правительство", "комитет",
    ]

    /// Words that are no part of a name in an author list: editor and translator marks, "et al.", suffixes.
    static let nameListNoise: Set<String> = [
        "ed", "eds", "edn", "editor", "editors", "edited", "by", "hrsg", "hg", "comp", "comps", "trans", "transl",
        "translated", "et", "al", "jr", "sr", "ii", "iii", "iv", "dir", "red", "ред", "под", "coord", "coords", "in",
    ]

    /// Words that join names in a list: "and", "&" in the languages of the corpus.
    static let nameConjunctions: Set<String> = ["and", "&", "und", "et", "y", "e", "и", "та", "och", "og", "en", "i", "a"]

    /// Words a title-case name leaves in lower case ("Journal of the History of Ideas",
    /// "Revue des deux mondes"): a journal's name is capitalised but for these.
    static let titleMinorWords: Set<String> = [
        "a", "an", "the", "of", "and", "&", "for", "in", "on", "to", "at", "by", "with",
        "de", "des", "du", "la", "le", "les", "et", "und", "für", "der", "die", "das", "di", "del", "della", "y", "e", "i",
    ]

    /// Words that name a publisher ("… University Press", "… Verlag", "… Foundation"), lowercased.
    static let publisherWords: Set<String> = [
        "press", "presses", "publishers", "publisher", "publishing", "publications", "verlag", "forlag", "förlag", "edizioni",
        "éditions", "editions", "editora", "editorial", "uitgeverij", "books", "foundation", "university", "universiteit",
        "université", "universität", "universidad", "institute", "authority", "inc", "ltd", "llc", "company", "society",
        "association", "media", "house", "group",
    ]

    /// Words that name a treaty or a joint statement in a title ("Treaty of Good-Neighbourliness",
    /// "China-Russia Joint Statement"): the entry is typed `treaty`. Lowercased.
    static let treatyWords: [String] = ["treaty", "joint statement", "joint declaration", "declaration", "convention"]

    /// Genre words that decide a CSL type, lowercased stems.
    static let thesisWords: [String] = ["thesis", "dissertation", "diss.", "phd", "ph.d", "doctoral", "master", "диссертация"]
    static let reportWords: [String] = ["report", "tech. rep", "working paper", "technical", "policy brief", "white paper", "discussion paper", "доклад"]
    static let newspaperWords: [String] = ["times", "post", "news", "herald", "gazette", "daily", "tribune", "guardian", "journal of commerce", "telegraph", "газета", "известия", "коммерсант", "reuters", "bloomberg"]

    /// Words that open an access date, lowercased stems.
    static let accessDateWords: [String] = [
        "access", "retriev", "viewed", "consulted", "abgerufen", "consulté", "обращения", "访问",
    ]

    /// Phrases that open what a reference prints after its title, not more of the title: a
    /// genre or report series ("Technical Report", "Master's Thesis", "Internet-Draft"), or a
    /// contributor ("Dir.", "Translated by", "Edited by"). Each is its words' letters and digits,
    /// lowercased ("Tech. rep." is ["tech", "rep"]), and the label the words it opens take.
    static let titleTailCues: [(words: [String], label: String)] = [
        (["technical", "report"], "genre"), (["tech", "rep"], "genre"), (["tech", "report"], "genre"),
        (["technical", "memorandum"], "genre"), (["technical", "note"], "genre"), (["research", "report"], "genre"),
        (["working", "paper"], "genre"), (["discussion", "paper"], "genre"), (["policy", "brief"], "genre"),
        (["white", "paper"], "genre"), (["occasional", "paper"], "genre"), (["report", "no"], "genre"),
        (["master's", "thesis"], "genre"), (["masters", "thesis"], "genre"), (["master", "thesis"], "genre"),
        (["ph.d", "thesis"], "genre"), (["phd", "thesis"], "genre"), (["doctoral", "thesis"], "genre"),
        (["ph.d", "dissertation"], "genre"), (["phd", "dissertation"], "genre"), (["doctoral", "dissertation"], "genre"),
        (["dissertation"], "genre"), (["internet-draft"], "genre"), (["internet", "draft"], "genre"),
        (["unpublished"], "genre"), (["preprint"], "genre"), (["motion", "picture"], "genre"),
        (["television", "program"], "genre"), (["television", "programme"], "genre"), (["radio", "program"], "genre"),
        (["exhibition", "catalogue"], "genre"), (["exhibition", "catalog"], "genre"), (["special", "issue"], "genre"),
        (["dir"], "note"), (["directed", "by"], "note"), (["perf"], "note"), (["prod"], "note"),
        (["translated", "by"], "note"), (["traduction", "de"], "note"),
        (["traduit", "par"], "note"), (["übersetzt", "von"], "note"), (["edited", "by"], "editor"), (["ed", "by"], "editor"),
        (["hrsg", "von"], "editor"), (["introduction", "by"], "note"), (["foreword", "by"], "note"),
        (["ser"], "container"), (["paper", "presented", "at"], "container"), (["poster", "presented", "at"], "container"),
    ]
}
