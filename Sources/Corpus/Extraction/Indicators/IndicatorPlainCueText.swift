/// `CueText` for text whose plainness the figures extractor already knows.
///
/// `CueText.init` reads the whole text to decide whether a byte search gives
/// Foundation's answers. The extractor makes several cue texts per figure,
/// all cut from or joined out of texts it has already read: an ASCII
/// sentence's pieces are ASCII (plain), and plainness holds for a join
/// exactly when it holds for each part (it is a test of each non-ASCII
/// scalar alone, and the joints are ASCII). Reading them again was a
/// visible share of the extractor.
extension CueText {
    /// A cue text whose `plain` is given: it must be what `isPlain(text)` answers.
    init(indicatorText text: String, plain: Bool) {
        self.text = text
        self.plain = plain
    }
}
