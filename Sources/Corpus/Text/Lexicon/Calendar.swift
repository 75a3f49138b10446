/// The words of dates: months, seasons, weekdays, parts of a period,
/// ordinals and centuries. `DateReader`'s rules read these tables and never
/// spell a month themselves: a new spelling ("Sept.") is one row here.
extension Lexicon {
    /// The years a four-digit number may name, for events and indicator
    /// periods alike (one window, so both readers agree on what a year is).
    static let yearWindow = 1000...2099

    /// `yearWindow` for a figure's value (a Double): what `FigureScanner`
    /// takes for a year rather than an amount ("in 2015"; "2150 tonnes" is an amount).
    static let yearValues = Double(yearWindow.lowerBound)...Double(yearWindow.upperBound)

    /// Month names and their abbreviations (lowercased, without the full
    /// stop an abbreviation may carry) → month number. A month is read only
    /// when written with a capital: "may" and "march" are also verbs.
    static let months: [String: Int] = [
        "january": 1, "jan": 1,
        "february": 2, "feb": 2,
        "march": 3, "mar": 3,
        "april": 4, "apr": 4,
        "may": 5,
        "june": 6, "jun": 6,
        "july": 7, "jul": 7,
        "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9,
        "october": 10, "oct": 10,
        "november": 11, "nov": 11,
        "december": 12, "dec": 12,
    ]

    /// The month names as a reader writes them (`display`), January first.
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The abbreviated spellings of `months` ("jan", "sept"): a full stop after one ends no sentence.
    static let monthAbbreviations = Set(months.keys).subtracting(monthNames.map { $0.lowercased() })

    /// Seasons: a season of a year dates to the year ("the spring of 2018").
    static let seasons: Set<String> = ["spring", "summer", "autumn", "fall", "winter"]

    /// Units of time after a number: "over 20 years", "three months" tell
    /// how long, not how much.
    static let timeSpans: Set<String> = [
        "years", "year", "months", "month", "weeks", "week", "days", "day", "decades", "decade", "centuries",
        "century", "hours", "minutes",
    ]

    /// Weekdays → ISO number (Monday 1 … Sunday 7), for dates relative to a dateline.
    static let weekdays: [String: Int] = [
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    ]

    /// A part of a period: "early 2024", "the mid-2000s", "the middle of the XVII century".
    enum PeriodPart: Sendable { case early, mid, late, firstHalf, secondHalf, end }

    /// Words naming a part of a period (a second word is read by the rule: "first half").
    static let periodParts: [String: PeriodPart] = [
        "early": .early, "beginning": .early, "start": .early, "dawn": .early,
        "mid": .mid, "middle": .mid,
        "late": .late, "end": .end, "close": .end,
    ]

    // Ordinal words and suffixes ("the seventeenth century", "17th") are
    // `Lexicon.ordinalWords` and `Lexicon.ordinalSuffixes` in Numbers.swift.

    /// Tens words that start a compound ordinal ("twenty-first").
    static let ordinalTens: [String: Int] = ["twenty": 20]

    /// Decades written as words, read as decades of the twentieth century ("the sixties").
    static let decadeWords: [String: Int] = [
        "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
        "seventies": 1970, "eighties": 1980, "nineties": 1990,
    ]

    /// Roman numerals of centuries ("XVII"): those written with I, V and X only, six at the most.
    static func romanValue(_ word: String) -> Int? {
        guard word.unicodeScalars.count <= 6, word.unicodeScalars.allSatisfy({ $0 == "i" || $0 == "v" || $0 == "x" }) else { return nil }
        return romanNumber(word)
    }

    /// A lowercase Roman numeral written the canonical way, and its value: "ii", "xiv", "lxv",
    /// "mcmxc"; not "clim", "vix" or "iiii". Read scalar by scalar (it is asked of every
    /// capitalised word): a numeral counts down when a larger one follows ("ix" is 9), and the
    /// value written back out must be the word.
    static func romanNumber(_ word: String) -> Int? {
        var total = 0
        var pending = 0
        for s in word.unicodeScalars {
            let v: Int
            switch s {
            case "i": v = 1
            case "v": v = 5
            case "x": v = 10
            case "l": v = 50
            case "c": v = 100
            case "d": v = 500
            case "m": v = 1000
            default: return nil
            }
            if pending > 0 { total += v > pending ? -pending : pending }
            pending = v
        }
        total += pending
        guard total > 0 && total < 4000 else { return nil }
        var n = total
        var canonical = ""
        for (value, numeral) in romanDigits {
            while n >= value {
                canonical += numeral
                n -= value
            }
        }
        return canonical == word ? total : nil
    }

    private static let romanDigits = [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ]

    /// How a date in parentheses after another restates it ("27 August 1689
    /// (6 September, New Style)", "(i.e. 6 September)"): as the New Style
    /// (Gregorian) day, which ISO 8601 dates are, or as the Old Style
    /// (Julian) day the text gave first.
    enum CalendarNote: Sendable { case newStyle, oldStyle }

    /// Markers of a restated date, as written (read with the date tokens:
    /// "N.S." is "n", ".", "s", "."). "i.e." and "that is" lead a restatement
    /// in the reader's calendar, the New Style.
    static let calendarNotes: [(phrase: String, note: CalendarNote)] = [
        ("New Style", .newStyle), ("N.S.", .newStyle), ("NS", .newStyle), ("Gregorian", .newStyle),
        ("i.e.", .newStyle), ("that is", .newStyle),
        ("Old Style", .oldStyle), ("O.S.", .oldStyle), ("OS", .oldStyle), ("Julian", .oldStyle),
    ]
}
