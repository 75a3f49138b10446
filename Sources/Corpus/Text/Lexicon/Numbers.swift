/// Numbers written as words, scale words and fractions.
extension Lexicon {
    /// Written numbers below a hundred; "thirty-two" and "ninety two" are read from these.
    static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    ]

    /// Ordinals in words: a position, never a figure ("the eighth expo"),
    /// and the number of a century spelled out ("the seventeenth century";
    /// "twenty-first" is read as "twenty" + "first").
    static let ordinalWords: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
        "thirtieth": 30, "hundredth": 100,
    ]

    /// Suffixes that make a number in digits an ordinal ("14th", "2nd").
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th"]

    /// A scale word after a number, and the name a dashboard labels the axis
    /// with: newspaper ("bn", "tn") and Russian ("bln", "mln", "thou.")
    /// abbreviations, and the Indian lakh and crore.
    static let scales: [String: (factor: Double, name: String)] = [
        "hundred": (1e2, "hundred"),
        "thousand": (1e3, "thousand"), "thousands": (1e3, "thousand"), "thou": (1e3, "thousand"),
        "million": (1e6, "million"), "millions": (1e6, "million"), "mn": (1e6, "million"), "mln": (1e6, "million"),
        "billion": (1e9, "billion"), "billions": (1e9, "billion"), "bn": (1e9, "billion"), "bln": (1e9, "billion"),
        "trillion": (1e12, "trillion"), "tn": (1e12, "trillion"), "trln": (1e12, "trillion"),
        "lakh": (1e5, "lakh"), "lakhs": (1e5, "lakh"), "crore": (1e7, "crore"), "crores": (1e7, "crore"),
    ]

    /// Fractions that state a share, as percentages ("more than half of", "about a third of").
    static let fractions: [String: Double] = [
        "half": 50, "a half": 50, "one half": 50, "a third": 33.3, "one third": 33.3, "one-third": 33.3,
        "two thirds": 66.7, "two-thirds": 66.7, "a quarter": 25, "one quarter": 25, "one-quarter": 25,
        "three quarters": 75, "three-quarters": 75, "a fifth": 20, "one fifth": 20, "one-fifth": 20,
    ]
}
