/// Where "according to " ends in an ASCII sentence, in any ASCII case: the
/// reporter's Foundation search (`range(of:options: .caseInsensitive)`) was
/// a visible share of the classifier's sentences, which are mostly ASCII.
enum IndicatorReporterPhrase {
    private static let phrase = Array("according to ".utf8)

    /// The index just past the first "according to " in `sentence`, up to
    /// ASCII case; nil if none. `sentence` must be ASCII (then byte offsets
    /// are indices of its UTF-8 view).
    static func end(in sentence: String) -> String.Index? {
        let phrase = phrase
        var sentence = sentence
        let offset = sentence.withUTF8 { hay -> Int? in
            let n = phrase.count
            guard hay.count >= n else { return nil }
            var i = 0
            while i <= hay.count - n {
                var k = 0
                while k < n && ASCIICase.lower(hay[i + k]) == phrase[k] { k += 1 }
                if k == n { return i + n }
                i += 1
            }
            return nil
        }
        return offset.map { sentence.utf8.index(sentence.startIndex, offsetBy: $0) }
    }
}
