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

    /// The shipped model, read once on first use (only documents with a reference list need it).
    static let shipped: ReferenceCRF? = {
        guard let url = Bundle.module.url(forResource: "model", withExtension: "txt", subdirectory: "ReferenceCRF"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return ReferenceCRF(text: text)
    }()

    /// Reads the model file (see `scripts/crf/train.py` for its format).
    init?(text: String) {
        var labels: [String] = []
        var transitionRows: [(Int, Int, Float)] = []
        var weights: [String: [(label: Int, weight: Float)]] = [:]
        var dictionary: [String: [String]] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch cols.first {
            case "labels":
                guard cols.count == 2 else { return nil }
                labels = cols[1].split(separator: " ").map(String.init)
            case "d":
                guard cols.count == 3 else { return nil }
                dictionary[String(cols[1])] = cols[2].split(separator: " ").map(String.init)
            case "t":
                guard cols.count == 4, let a = Int(cols[1]), let b = Int(cols[2]), let w = Float(cols[3]) else { return nil }
                transitionRows.append((a, b, w))
            case "f":
                guard cols.count == 3 else { return nil }
                var pairs: [(label: Int, weight: Float)] = []
                for pair in cols[2].split(separator: " ") {
                    guard let colon = pair.firstIndex(of: ":"), let l = Int(pair[..<colon]),
                        let w = Float(pair[pair.index(after: colon)...])
                    else { return nil }
                    pairs.append((l, w))
                }
                weights[String(cols[1])] = pairs
            default:
                return nil
            }
        }
        guard !labels.isEmpty else { return nil }
        var transitions = [Float](repeating: 0, count: labels.count * labels.count)
        for (a, b, w) in transitionRows where a < labels.count && b < labels.count {
            transitions[a * labels.count + b] = w
        }
        self.labels = labels
        self.transitions = transitions
        self.weights = weights
        self.dictionary = dictionary
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
