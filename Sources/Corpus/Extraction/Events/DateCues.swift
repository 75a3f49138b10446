/// Byte tests that tell, before any regex runs, that a date rule of
/// `DateMentionFinder` cannot match a sentence: each checks for something
/// the rule's pattern cannot match without (a month name, a dash, "0s").
/// A sentence with a year used to pay nine regex passes; most now pay one
/// or two, and since a rule that cannot match claims no words, skipping it
/// changes nothing.
enum DateCues {
    /// In one pass over the bytes: whether `text` holds four ASCII digits in
    /// a row (`DateMentionFinder.hasFourDigitRun`), whether it holds
    /// "centur" in any ASCII case (`ASCIICase.contains`), and whether it is
    /// all ASCII. Every sentence of the corpus is asked the first two; the
    /// two passes were a tenth of finding dates.
    static func yearAndCentury(_ text: String) -> (hasYear: Bool, hasCentury: Bool, isASCII: Bool) {
        var text = text
        return text.withUTF8 { s in
            let entur: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0x65, 0x6E, 0x74, 0x75, 0x72)
            var run = 0
            var hasYear = false
            var hasCentury = false
            var isASCII = true
            let n = s.count
            var i = 0
            while i < n {
                let b = s[i]
                if b >= 0x30 && b <= 0x39 {
                    run += 1
                    if run >= 4 { hasYear = true }
                } else {
                    run = 0
                    if b >= 0x80 {
                        isASCII = false
                    } else if b | 0x20 == 0x63, i + 5 < n, s[i + 1] | 0x20 == entur.0, s[i + 2] | 0x20 == entur.1,
                        s[i + 3] | 0x20 == entur.2, s[i + 4] | 0x20 == entur.3, s[i + 5] | 0x20 == entur.4
                    {
                        hasCentury = true
                    }
                }
                i += 1
            }
            return (hasYear, hasCentury, isASCII)
        }
    }

    /// One of the month names, capitalised as the rules require (the month
    /// group sits outside their case-insensitive parts).
    static func hasMonthName(_ text: String) -> Bool {
        var text = text
        let table = monthsByByte
        return text.withUTF8 { s -> Bool in
            for i in s.indices {
                let names = table[Int(s[i])]
                if names.isEmpty { continue }
                for name in names where i + name.count <= s.count {
                    var k = 1
                    while k < name.count && s[i + k] == name[k] { k += 1 }
                    if k == name.count { return true }
                }
            }
            return false
        }
    }

    /// `monthsByByte[b]`: the month names whose first byte is b, as bytes.
    /// An array, not a dictionary: hashing every byte of every dated
    /// sentence was most of this test's time.
    private static let monthsByByte: [[[UInt8]]] = (0..<256).map { b in
        EventDate.monthNames.map { Array($0.utf8) }.filter { Int($0[0]) == b }
    }

    /// An ASCII "0" followed by an optional apostrophe (' or ’) and an "s"
    /// in either case (or "ſ", which case-insensitive matching folds to it):
    /// what the decade rule's `\d{3}0[’']?s` needs.
    static func hasDecadeEnding(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            let n = s.count
            for i in s.indices where s[i] == 0x30 {
                var j = i + 1
                if j < n && s[j] == 0x27 {
                    j += 1
                } else if j + 2 < n && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0x99 {
                    j += 3
                }
                guard j < n else { continue }
                if s[j] == 0x73 || s[j] == 0x53 { return true }
                if s[j] == 0xC5 && j + 1 < n && s[j + 1] == 0xBF { return true }
            }
            return false
        }
    }

    /// "-", "–" or "—": what the year-range rule needs between its years.
    static func hasDash(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { s -> Bool in
            for i in s.indices {
                if s[i] == 0x2D { return true }
                if s[i] == 0xE2 && i + 2 < s.count && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94) {
                    return true
                }
            }
            return false
        }
    }
}
