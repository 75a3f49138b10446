import Synchronization

/// The dates of a document's sentences, read once and shared by the
/// extractors that read them side by side: events (with their context, the
/// dateline and the date read last) and indicator periods (without).
///
/// A sentence is cut into pieces and read without a context once, by
/// whichever extractor asks first. The reading holds for a context too
/// unless a relative rule ("the same year", "last month", "in May")
/// matched somewhere in it where it could have won over the rule chosen
/// ("3 May" loses to "3 May 1931"): only those rules read a context, so
/// only then is the sentence read again with it.
final class DocumentDates: Sendable {
    /// One sentence cut into pieces, with the dates it states.
    struct Sentence: Sendable {
        let pieces: SentencePieces
        /// The dates read without a dateline or an earlier date (every date the sentence states).
        let readings: [DateReader.Reading]
        /// A relative rule matched where it could have won: with a context, the sentence may read differently.
        let readsContext: Bool

        init(_ text: String) { self.init(pieces: SentencePieces(text)) }

        init(pieces: SentencePieces) {
            self.pieces = pieces
            var relative = false
            readings = DateReader.read(pieces, relativeMatched: &relative)
            readsContext = relative
        }

        /// The dates read against `context`.
        func readings(context: DateReader.DateContext) -> [DateReader.Reading] {
            readsContext ? DateReader.read(pieces, context: context) : readings
        }
    }

    private struct Key: Hashable {
        var passage: Int
        var sentence: Int
    }

    private let read = Mutex<[Key: Sentence]>([:])
    private let tokenized = Mutex<[Key: SentenceTokens]>([:])

    init() {}

    /// Sentence `sentence` of passage `passage`, whose text is `text`, read once.
    func sentence(passage: Int, sentence: Int, text: String) -> Sentence {
        let key = Key(passage: passage, sentence: sentence)
        if let known = read.withLock({ $0[key] }) { return known }
        // Read outside the lock; when both extractors read it at once, the first stored is kept (they are equal).
        let fresh = Sentence(text)
        return read.withLock { stored in
            if let known = stored[key] { return known }
            stored[key] = fresh
            return fresh
        }
    }

    /// The tokens of the same sentence, joined once from its pieces: the
    /// event extractor's figure test and the indicator extractor read the
    /// same sentences, and each cut them again before.
    func tokens(passage: Int, sentence: Int, text: String) -> SentenceTokens {
        let key = Key(passage: passage, sentence: sentence)
        if let known = tokenized.withLock({ $0[key] }) { return known }
        let fresh = SentenceTokens(text, pieces: self.sentence(passage: passage, sentence: sentence, text: text).pieces)
        return tokenized.withLock { stored in
            if let known = stored[key] { return known }
            stored[key] = fresh
            return fresh
        }
    }
}
