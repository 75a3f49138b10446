/// The one lexicon every extractor reads: the words of dates (months, seasons,
/// ordinals, centuries), of numbers (written numbers, scale words), of money
/// and units (currencies to ISO 4217, units by kind), and the cue words of
/// judgement (hedges and qualifiers, reporting verbs, modal, conditional and
/// negation cues).
///
/// Each kind of word lives in its own file of this folder, as a table: a new
/// month spelling, currency or unit is one row there, and every rule that
/// reads that kind of word sees it. Rules never spell these words themselves.
enum Lexicon {}
