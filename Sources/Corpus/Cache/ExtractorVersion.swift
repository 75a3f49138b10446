/// The version of what extraction produces, part of every cache key.
///
/// Change this string in the same commit as any change that may change
/// extraction output for some document (a rule, a lexicon row, a title or
/// id scheme, a new field of a record). Every cached entry then misses
/// once and is re-extracted; nothing else needs to be cleared. When the
/// golden model dumps change in a commit, this must change too (the
/// dumps are the record of what extraction produces); when a commit only
/// makes extraction faster and the dumps stay identical, it may stay.
///
/// Any string will do; the date and a counter read well in a cache entry's
/// header (`docs/cache.md`).
public enum ExtractorVersion {
    public static let current = "2026-12-06.1"
}
