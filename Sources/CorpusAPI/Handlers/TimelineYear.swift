import Corpus

/// Where a timeline puts an event. A decade or century the text hedges
/// ("the early 1990s", "mid-17th century", "the late XIX century") covers
/// only the third of the span it names, so "mid-17th century" is filed in
/// the 1630s–1660s rather than under 1601, the century's first year.
enum TimelineYear {
    /// First and last year the event's date stands for.
    static func span(_ date: EventDate) -> (first: Int, last: Int) {
        let first = date.start.year
        let last = (date.end ?? date.start).year
        // Only a whole decade or century: a span the text (or a curator)
        // already narrowed, such as 1950–1953 for "the early 1950s", stays.
        let whole = (date.precision == .decade && last - first == 9) || (date.precision == .century && last - first == 99)
        guard whole, let hedge = date.qualifier else { return (first, last) }
        let third = (last - first + 1) / 3
        switch hedge {
        case .early: return (first, first + third - 1)
        case .mid: return (first + third, last - third)
        case .late: return (last - third + 1, last)
        case .since, .by: return (first, last)
        }
    }

    /// The year a by-year timeline files the event under.
    static func year(_ date: EventDate) -> Int { span(date).first }
}
