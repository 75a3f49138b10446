import Foundation

/// A linear-chain CRF that labels each token of a reference entry (author,
/// date, title, journal, volume, pages, …). The weights are trained offline
/// by `scripts/crf/train.py` on AnyStyle's labelled references (BSD-2-Clause,
/// see `Resources/ReferenceCRF/LICENSE-anystyle.txt`) and shipped as text;
/// labelling is Viterbi over the features of `ReferenceTokenFeatures`.
struct ReferenceCRF: Sendable {
    let labels: [String]
    /// `transitions[from * labels.count + to]`.
    let transitions: [Float]
    /// Per attribute, its (label, weight) pairs.
    let weights: [String: [(label: Int, weight: Float)]]
    /// Words and the fields the training set mostly labels them with (the "D=" features).
    let dictionary: [String: [String]]
    /// `weights` regrouped by what a token computes (see `Spread`), for `label(tokens:)`.
    let spread: [String: Spread]
    /// The weights of the features of place and context, by their value (no string built per token).
    let bias: Pairs, position: [Pairs], opening: [Pairs], sentence: [Pairs], sentencesLeft: [Pairs]
    let inQuote: Pairs, afterIn: Pairs, afterEditors: Pairs, afterYear: Pairs, afterQuote: Pairs
    /// The weights of "L<edge>", "R<edge>", "LL<edge>", "RR<edge>" (a neighbour past the entry's end).
    let edge: Spread

    typealias Pairs = [(label: Int, weight: Float)]

    /// The weights one feature of a token gives: to the token itself (the feature `f`)
    /// and to each neighbour that reads it ("L"+f for the token after it, "R"+f for
    /// the one before, "LL"+f and "RR"+f two away). A token looks its features up
    /// once instead of building each neighbour's prefixed string.
    struct Spread: Sendable {
        /// Indexed by `Slot`.
        var slots: [Pairs] = Array(repeating: [], count: 5)
        enum Slot: Int { case own = 0, left, right, leftLeft, rightRight }
        subscript(_ slot: Slot) -> Pairs { slots[slot.rawValue] }

        /// "LLw=x" → (.leftLeft, "w=x"); "bias" → (.own, "bias").
        static func split(_ attribute: String) -> (Slot, String) {
            for (prefix, slot) in [("LL", Slot.leftLeft), ("RR", .rightRight), ("L", .left), ("R", .right)]
            where attribute.hasPrefix(prefix) {
                return (slot, String(attribute.dropFirst(prefix.count)))
            }
            return (.own, attribute)
        }
    }

    /// The shipped model, read once on first use (only documents with a reference list need it).
    static let shipped: ReferenceCRF? = {
        guard let url = Bundle.module.url(forResource: "model", withExtension: "txt", subdirectory: "ReferenceCRF"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return data.withUnsafeBytes { ReferenceCRF(bytes: $0.bindMemory(to: UInt8.self)) }
    }()

    init?(text: String) {
        var text = text
        guard let model = text.withUTF8({ ReferenceCRF(bytes: $0) }) else { return nil }
        self = model
    }

    /// Reads the model file (see `scripts/crf/train.py` for its format) byte by
    /// byte: splitting its 600 KB as Swift characters took most of a start-up.
    init?(bytes b: UnsafeBufferPointer<UInt8>) {
        var labels: [String] = []
        var transitionRows: [(Int, Int, Float)] = []
        var weights: [String: [(label: Int, weight: Float)]] = [:]
        var dictionary: [String: [String]] = [:]
        weights.reserveCapacity(b.count / 30)
        var i = 0
        func field(_ stop: (UInt8) -> Bool) -> Range<Int> {
            let start = i
            while i < b.count && !stop(b[i]) { i += 1 }
            return start..<i
        }
        func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self) }
        func int(_ r: Range<Int>) -> Int? {
            guard !r.isEmpty else { return nil }
            var n = 0
            for k in r { guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }; n = n * 10 + Int(b[k] - 0x30) }
            return n
        }
        func float(_ r: Range<Int>) -> Float? {
            var k = r.lowerBound
            var sign: Float = 1
            if k < r.upperBound && b[k] == 0x2D { sign = -1; k += 1 }
            var value: Float = 0, scale: Float = 0, digits = 0
            while k < r.upperBound {
                let c = b[k]
                if c == 0x2E, scale == 0 { scale = 1 } else if c >= 0x30 && c <= 0x39 {
                    value = value * 10 + Float(c - 0x30)
                    if scale > 0 { scale *= 10 }
                    digits += 1
                } else { return nil }
                k += 1
            }
            return digits > 0 ? sign * value / max(scale, 1) : nil
        }
        let tab: (UInt8) -> Bool = { $0 == 0x09 || $0 == 0x0A }
        let space: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
        while i < b.count {
            let kind = string(field(tab))
            guard i < b.count, b[i] == 0x09 else { return nil }
            i += 1
            switch kind {
            case "labels":
                labels = string(field { $0 == 0x0A }).split(separator: " ").map(String.init)
            case "t":
                let a = int(field(tab)); i += 1
                let c = int(field(tab)); i += 1
                guard let a, let c, let w = float(field { $0 == 0x0A }) else { return nil }
                transitionRows.append((a, c, w))
            case "d":
                let word = string(field(tab)); i += 1
                dictionary[word] = string(field { $0 == 0x0A }).split(separator: " ").map(String.init)
            case "f":
                let attr = string(field(tab))
                var pairs: [(label: Int, weight: Float)] = []
                while i < b.count && b[i] != 0x0A {
                    i += 1  // the tab or the space before each pair
                    guard let l = int(field { $0 == 0x3A }) else { return nil }
                    i += 1
                    guard let w = float(field(space)) else { return nil }
                    pairs.append((l, w))
                }
                weights[attr] = pairs
            default:
                return nil
            }
            guard i >= b.count || b[i] == 0x0A else { return nil }
            i += 1
        }
        guard !labels.isEmpty else { return nil }
        var transitions = [Float](repeating: 0, count: labels.count * labels.count)
        for (a, c, w) in transitionRows where a < labels.count && c < labels.count {
            transitions[a * labels.count + c] = w
        }
        self.labels = labels
        self.transitions = transitions
        self.weights = weights
        self.dictionary = dictionary
        var spread: [String: Spread] = [:]
        spread.reserveCapacity(weights.count)
        for (attribute, pairs) in weights {
            let (slot, base) = Spread.split(attribute)
            spread[base, default: Spread()].slots[slot.rawValue] = pairs
        }
        self.spread = spread
        func own(_ name: String) -> Pairs { weights[name] ?? [] }
        bias = own("bias")
        position = (0..<10).map { own("pos=\($0)") }
        opening = (0..<3).map { own("i=\($0)") }
        sentence = (0...5).map { own("seg=\($0)") }
        sentencesLeft = (0...3).map { own("rseg=\($0)") }
        inQuote = own("inq")
        afterIn = own("aIn")
        afterEditors = own("aEd")
        afterYear = own("aY")
        afterQuote = own("aQ")
        edge = spread["<edge>"] ?? Spread()
    }

    /// The best labels for an entry's tokens: the same as `label(features(tokens))`
    /// (weights added in the same order, so the same sums), without the neighbour
    /// features' strings: each token's own features are looked up once, and a
    /// token reads its neighbours' weights for the slot it sees them in.
    func label(tokens: [Substring]) -> [String] {
        let n = tokens.count, k = labels.count
        guard n > 0 else { return [] }
        let own = tokens.map { ReferenceTokenFeatures.tokenFeatures($0, dictionary: dictionary) }
        let q = ReferenceTokenFeatures.quoted(tokens)
        let context = ReferenceTokenFeatures.context(tokens, own: own, quoted: q)
        let looked: [[Spread]] = own.map { $0.compactMap { spread[$0] } }
        var emission = [Float](repeating: 0, count: n * k)
        emission.withUnsafeMutableBufferPointer { e in
            for t in 0..<n {
                let row = t * k
                func add(_ pairs: Pairs) { for p in pairs { e[row + p.label] += p.weight } }
                // The order of `ReferenceTokenFeatures.features`.
                add(bias)
                add(position[10 * t / n])
                for s in looked[t] { add(s[.own]) }
                if t < 3 { add(opening[t]) }
                if q[t] { add(inQuote) }
                let c = context[t]
                add(sentence[c.sentence])
                add(sentencesLeft[c.sentencesLeft])
                if c.afterIn { add(afterIn) }
                if c.afterEditors { add(afterEditors) }
                if c.afterYear { add(afterYear) }
                if c.afterQuote { add(afterQuote) }
                for (d, slot) in [(-1, Spread.Slot.left), (1, .right), (-2, .leftLeft), (2, .rightRight)] {
                    let j = t + d
                    if j >= 0 && j < n {
                        for s in looked[j] { add(s[slot]) }
                    } else {
                        add(edge[slot])
                    }
                }
            }
        }
        return viterbi(emission)
    }

    /// The best label sequence for the tokens' features.
    func label(_ features: [[String]]) -> [String] {
        let n = features.count, k = labels.count
        guard n > 0 else { return [] }
        var emission = [Float](repeating: 0, count: n * k)
        for (t, attrs) in features.enumerated() {
            for a in attrs {
                guard let pairs = weights[a] else { continue }
                for p in pairs { emission[t * k + p.label] += p.weight }
            }
        }
        return viterbi(emission)
    }

    /// The best label sequence for per-token label scores (`emission[t * k + y]`).
    func viterbi(_ emission: [Float]) -> [String] {
        let k = labels.count, n = emission.count / max(k, 1)
        guard n > 0 else { return [] }
        var score = Array(emission[0..<k])
        var back = [Int](repeating: 0, count: n * k)
        for t in 1..<max(n, 1) {
            var next = [Float](repeating: 0, count: k)
            for y in 0..<k {
                var best = -Float.infinity, arg = 0
                for x in 0..<k {
                    let s = score[x] + transitions[x * k + y]
                    if s > best { best = s; arg = x }
                }
                next[y] = best + emission[t * k + y]
                back[t * k + y] = arg
            }
            score = next
        }
        var y = score.indices.max { score[$0] < score[$1] } ?? 0
        var path = [Int](repeating: 0, count: n)
        for t in stride(from: n - 1, through: 0, by: -1) {
            path[t] = y
            y = back[t * k + y]
        }
        return path.map { labels[$0] }
    }
}
