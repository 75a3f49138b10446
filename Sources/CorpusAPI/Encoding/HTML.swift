import Corpus

/// Escaping for text placed inside HTML (TimelineJS bodies, the docs page):
/// the corpus module's, so snippets and pages escape alike.
enum HTML {
    static func escape(_ s: String) -> String { HTMLEscaping.escape(s) }
}
