/// A `MeasureRule` with its cues encoded once and its kinds in a small array,
/// so classifying a figure does no cue encoding and no set hashing: the rule
/// table is tried, row by row, for every figure of the corpus.
///
/// `matches` answers exactly as `MeasureRule.matches` does (same tests, same order).
/// A class: the table is walked per figure, and a struct row of eight arrays
/// was copied (eight retains and releases) at every step.
final class CompiledRule: Sendable {
    let kinds: [Quantity.Kind]
    let share: Bool?
    let change: Bool?
    let before: [[Cue]]
    let after: [[Cue]]
    let local: [[Cue]]
    let sentence: [[Cue]]
    let anywhere: [[Cue]]
    let none: [Cue]

    init(_ rule: MeasureRule) {
        func cues(_ groups: [[String]]) -> [[Cue]] { groups.map { $0.map(Cue.init) } }
        kinds = Array(rule.kinds)
        share = rule.share
        change = rule.change
        before = cues(rule.before)
        after = cues(rule.after)
        local = cues(rule.local)
        sentence = cues(rule.sentence)
        anywhere = cues(rule.anywhere)
        none = rule.none.map(Cue.init)
    }

    func matches(_ q: Quantity, _ c: FigureContext) -> Bool {
        var wide = FigureWideTexts(wider: c.wider)
        return matches(q, c, &wide)
    }

    /// Asks `wide` for the `local` and `anywhere` texts only when this row has
    /// cues for them: an empty group list matches any text.
    func matches(_ q: Quantity, _ c: FigureContext, _ wide: inout FigureWideTexts) -> Bool {
        guard kinds.isEmpty || kinds.contains(q.kind) else { return false }
        if let share, share != q.isShare { return false }
        if let change, change != (q.change != nil) { return false }
        func all(_ groups: [[Cue]], _ text: CueText) -> Bool {
            groups.allSatisfy { group in group.contains { text.contains($0) } }
        }
        guard all(before, c.before) && all(after, c.after) else { return false }
        if !local.isEmpty && !all(local, wide.local(c)) { return false }
        guard all(sentence, c.sentence) else { return false }
        if !anywhere.isEmpty && !all(anywhere, wide.anywhere()) { return false }
        if !none.isEmpty {
            let text = wide.local(c)
            if none.contains(where: { text.contains($0) }) { return false }
        }
        return true
    }
}
