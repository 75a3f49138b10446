/// What a dashboard groups figures by.
public enum IndicatorCategory: String, Codable, Sendable, Hashable, CaseIterable {
    case trade, investment, energy, finance, education, culture, military, demography, technology
    /// Whole-economy comparisons ("China's economic size is eight times larger").
    case economy
}

/// The words around one figure, lowercased, in widening circles, for the
/// rule table's cue searches.
struct FigureContext: Sendable {
    /// From the previous figure (or the sentence start) to this figure.
    let before: CueText
    /// From this figure to the next figure (or the sentence end).
    let after: CueText
    /// `before | after`.
    let local: CueText
    let sentence: CueText
    /// The sentence, then the previous sentence of the passage and the section title.
    let anywhere: CueText

    /// All lowercase; `surrounding` is the previous sentence and the section title.
    init(before: String, after: String, sentence: String, surrounding: String) {
        self.init(before: before, after: after, sentence: SentenceCues(sentence, surrounding: surrounding))
    }

    /// The figure's own words, with its sentence's texts made once for all its figures.
    init(before: String, after: String, sentence: SentenceCues) {
        self.before = CueText(before)
        self.after = CueText(after)
        self.local = CueText(before + " | " + after)
        self.sentence = sentence.sentence
        self.anywhere = sentence.anywhere
    }

    /// The two circles every figure of a sentence shares.
    struct SentenceCues {
        let sentence: CueText
        let anywhere: CueText

        /// All lowercase, as for `FigureContext`.
        init(_ sentence: String, surrounding: String) {
            self.sentence = CueText(sentence)
            self.anywhere = CueText(sentence + " | " + surrounding)
        }
    }
}

/// One row of the measure table: which figures belong to a measure, told by
/// the words around them. Every keyword group is "any of these"; all groups
/// must match. Rows are tried in order, most specific first.
struct MeasureRule: Sendable {
    var id: String
    var label: String
    var category: IndicatorCategory
    var kinds: Set<Quantity.Kind>
    var before: [[Cue]] = []
    var after: [[Cue]] = []
    var local: [[Cue]] = []
    var sentence: [[Cue]] = []
    /// Matched against the sentence and the surrounding context.
    var anywhere: [[Cue]] = []
    /// Words that rule the row out when found near the figure.
    var none: [Cue] = []
    /// true: only shares ("54% of the total"); false: never shares.
    var share: Bool?
    /// true: only figures that are themselves a change ("increased by 78%").
    var change: Bool?
    /// true: only counts whose noun says what is counted (see `Quantity.counted`).
    var counted: Bool?

    func matches(_ q: Quantity, _ c: FigureContext) -> Bool {
        guard kinds.isEmpty || kinds.contains(q.kind) else { return false }
        if let share, share != q.isShare { return false }
        if let change, change != (q.change != nil) { return false }
        if let counted, counted != q.counted { return false }
        func all(_ groups: [[Cue]], _ text: CueText) -> Bool {
            groups.allSatisfy { group in group.contains { text.contains($0) } }
        }
        return all(before, c.before) && all(after, c.after) && all(local, c.local) && all(sentence, c.sentence)
            && all(anywhere, c.anywhere) && !none.contains { c.local.contains($0) }
    }
}

/// Names the measure of a figure from the rule table. A figure no row claims
/// is not an indicator ("the two countries", "Covid 19") and is dropped.
enum MeasureClassifier {
    static func classify(_ q: Quantity, _ c: FigureContext) -> MeasureRule? {
        rules.first { $0.matches(q, c) }
    }

    static func rule(id: String) -> MeasureRule? { rules.first { $0.id == id } }

    static let rules: [MeasureRule] = trade + investment + education + military + [
        MeasureRule(
            id: "china-russia-economy-size-ratio", label: "Size of China's economy relative to Russia's",
            category: .economy, kinds: [.ratio], before: [["economic size", "economy"]], change: false),
        // A money figure in a passage about trade ("China is the largest trade partner of Russia.
        // 58.8 billion dollar was in 2008 ...").
        MeasureRule(
            id: "bilateral-trade-turnover", label: "China–Russia bilateral trade turnover", category: .trade,
            kinds: [.money], anywhere: [["trade partner", "trading partner", "bilateral trade"]],
            none: ["food", "e-commerce", "online", "arms", "military", "investment"]),
    ] + fallback

    /// Figures no row claims are still indicators (a new article will have
    /// some): they land in a catch-all measure per kind that a curator can
    /// rename. A bare count is not ("the two countries"); a count with its
    /// noun ("24 fighters", "1,500 students") is.
    static let fallback: [MeasureRule] = [
        MeasureRule(id: "unclassified-money", label: "Unclassified amount of money", category: .economy, kinds: [.money]),
        MeasureRule(id: "unclassified-mass", label: "Unclassified quantity by weight", category: .economy, kinds: [.mass]),
        MeasureRule(id: "unclassified-volume", label: "Unclassified volume", category: .economy, kinds: [.volume]),
        MeasureRule(id: "unclassified-length", label: "Unclassified length", category: .economy, kinds: [.length]),
        MeasureRule(id: "unclassified-area", label: "Unclassified area", category: .economy, kinds: [.area]),
        MeasureRule(id: "unclassified-energy", label: "Unclassified amount of energy", category: .energy, kinds: [.energy]),
        MeasureRule(
            id: "unclassified-containers", label: "Unclassified container count", category: .trade, kinds: [.containers]),
        MeasureRule(
            id: "unclassified-change", label: "Unclassified change", category: .economy, kinds: [.percent, .ratio],
            change: true),
        MeasureRule(id: "unclassified-share", label: "Unclassified share", category: .economy, kinds: [.percent]),
        MeasureRule(
            id: "unclassified-people", label: "Unclassified number of people", category: .demography, kinds: [.people],
            counted: true),
        MeasureRule(id: "unclassified-count", label: "Unclassified count", category: .economy, kinds: [.count], counted: true),
    ]

    static let trade: [MeasureRule] = [
        MeasureRule(
            id: "bilateral-trade-turnover", label: "China–Russia bilateral trade turnover", category: .trade,
            kinds: [.money], before: [["trade"]],
            none: ["food", "e-commerce", "online", "arms", "military", "investment"]),
        MeasureRule(
            id: "china-food-imports-from-russia", label: "Chinese imports of Russian food products",
            category: .trade, kinds: [.money], local: [["food"]]),
        MeasureRule(
            id: "china-share-of-russian-food-exports", label: "China's share of Russian food exports",
            category: .trade, kinds: [.percent], local: [["food"]], share: true),
        MeasureRule(
            id: "china-russia-ecommerce-volume", label: "China–Russia cross-border e-commerce volume",
            category: .trade, kinds: [.money], local: [["e-commerce", "ecommerce"]]),
        MeasureRule(
            id: "russia-cross-border-ecommerce-share",
            label: "China's share of Russian cross-border online trade", category: .trade, kinds: [.percent],
            local: [["online trade", "e-commerce"]], share: true),
        MeasureRule(
            id: "chinese-stores-share-of-russian-parcels",
            label: "Share of parcels imported to Russia bought in Chinese online stores", category: .trade,
            kinds: [.percent], sentence: [["parcels"]], share: true),
        MeasureRule(
            id: "russian-orders-of-chinese-goods-growth", label: "Growth in Russian orders for Chinese goods",
            category: .trade, kinds: [.ratio, .percent], before: [["number of orders"]], change: true),
        MeasureRule(
            id: "russian-online-orders-from-china-growth",
            label: "Growth in goods ordered in China by Russian Internet users", category: .trade,
            kinds: [.ratio, .percent], before: [["goods ordered"]], change: true),
        MeasureRule(
            id: "russian-online-consumption-from-china-growth",
            label: "Growth in Russian online consumption from China", category: .trade, kinds: [.ratio, .percent],
            before: [["consumption"]], change: true),
        MeasureRule(
            id: "russian-visitors-to-chinese-online-stores-growth",
            label: "Growth in Russian visitors to Chinese online stores", category: .trade,
            kinds: [.ratio, .percent], before: [["visitors"]], change: true),
        MeasureRule(
            id: "china-oil-imports-from-russia", label: "Chinese oil imports from Russia", category: .energy,
            kinds: [.mass], local: [["oil"]]),
        MeasureRule(
            id: "chinese-telecom-operators-in-russia", label: "Chinese telecom operators in the Russian market",
            category: .technology, kinds: [.count], after: [["telecom"]]),
    ]

    static let investment: [MeasureRule] = [
        MeasureRule(
            id: "chinese-direct-investment-in-russia", label: "Chinese direct investment in Russia",
            category: .investment, kinds: [.money], before: [["investment"]]),
        MeasureRule(
            id: "russia-new-construction-contracts-growth",
            label: "Growth in new construction contracts signed in Russia", category: .investment,
            kinds: [.percent, .ratio], before: [["construction contracts"]], change: true),
        MeasureRule(
            id: "foreign-investment-projects-in-russia", label: "Foreign investment projects in Russia",
            category: .investment, kinds: [.count], before: [["foreign investor"]], after: [["projects"]]),
        MeasureRule(
            id: "chinese-investment-projects-in-russia", label: "Chinese investment projects in Russia",
            category: .investment, kinds: [.count], sentence: [["number of projects", "investment projects"], ["chinese"]]),
        MeasureRule(
            id: "companies-with-chinese-capital-in-primorsky-krai",
            label: "Companies with Chinese capital in Primorsky Krai", category: .investment, kinds: [.count],
            after: [["companies"]], sentence: [["chinese capital"]]),
        MeasureRule(
            id: "chinese-banks-with-branches-in-russia", label: "Chinese banks with branches in Russia",
            category: .finance, kinds: [.count], after: [["banks"]], sentence: [["branches"]]),
        MeasureRule(
            id: "chinese-banks-with-russian-correspondent-relations",
            label: "Chinese banks with correspondent relations with Russian banks", category: .finance,
            kinds: [.count], after: [["banks"]], sentence: [["correspondent"]]),
    ]

    static let education: [MeasureRule] = [
        MeasureRule(
            id: "china-universities-russian-bachelor-programmes",
            label: "Universities in China with a Russian-language bachelor's programme", category: .education,
            kinds: [.count], before: [["bachelor"]], sentence: [["universities"], ["russian language"]]),
        MeasureRule(
            id: "china-universities-russian-master-programmes",
            label: "Universities in China with a Russian-language master's programme", category: .education,
            kinds: [.count], before: [["master"]], sentence: [["universities"], ["russian language"]]),
        MeasureRule(
            id: "china-universities-russian-doctoral-programmes",
            label: "Universities in China with a Russian-language doctoral programme", category: .education,
            kinds: [.count], before: [["doctoral"]], sentence: [["universities"], ["russian language"]]),
        MeasureRule(
            id: "russia-primary-schools-teaching-chinese", label: "Primary schools in Russia teaching Chinese",
            category: .education, kinds: [.count], after: [["primary schools"]]),
        MeasureRule(
            id: "russia-universities-teaching-chinese", label: "Universities in Russia teaching Chinese",
            category: .education, kinds: [.count], after: [["universities"]], sentence: [["chinese language"]]),
        MeasureRule(
            id: "kazan-federal-university-students-of-chinese",
            label: "Students of Chinese at Kazan Federal University", category: .education, kinds: [.people],
            local: [["students"]], sentence: [["kazan"]]),
        MeasureRule(
            id: "russia-students-of-chinese", label: "Students of Chinese in Russia", category: .education,
            kinds: [.people], before: [["students"]], sentence: [["chinese"]]),
        MeasureRule(
            id: "china-russia-education-exchanges", label: "China–Russia study exchanges (people)",
            category: .education, kinds: [.people],
            sentence: [["period of study", "bilateral exchanges", "study abroad", "exchange students"]]),
    ]

    static let military: [MeasureRule] = [
        MeasureRule(
            id: "russia-arms-sales-to-china", label: "Russian military sales to China", category: .military,
            kinds: [.money], before: [["military sales", "arms sales", "arms", "military"]]),
        MeasureRule(
            id: "russia-su27-fighters-sold-to-china", label: "Su-27 fighters sold to China", category: .military,
            kinds: [.count], before: [["selling", "sold"]], after: [["su-27"]]),
        MeasureRule(
            id: "china-fighters-received-from-russia", label: "Su-27/Su-30 fighters received by China",
            category: .military, kinds: [.count], before: [["received"]], after: [["su-27", "su-30", "fighter"]]),
        MeasureRule(
            id: "china-licensed-su27-production", label: "Su-27s China is licensed to produce",
            category: .military, kinds: [.count], after: [["su-27"]], sentence: [["license", "licence"]]),
        MeasureRule(
            id: "china-licensed-su30-production", label: "Su-30s China is licensed to produce",
            category: .military, kinds: [.count], after: [["su-30"]], sentence: [["license", "licence"]]),
        MeasureRule(
            id: "china-planned-su30-fleet", label: "Su-30-class aircraft China plans to have", category: .military,
            kinds: [.count], before: [["planning", "plans", "planned"]], after: [["aircraft"]]),
        MeasureRule(
            id: "china-il76-il78-purchases", label: "Il-76 transports and Il-78 tankers bought by China",
            category: .military, kinds: [.count], after: [["il-76", "il-78"]]),
        MeasureRule(
            id: "china-kilo-submarines-from-russia", label: "Kilo-class submarines China acquired from Russia",
            category: .military, kinds: [.count], after: [["kilo"]]),
        MeasureRule(
            id: "china-sovremenny-destroyers-from-russia",
            label: "Sovremenny-class destroyers China acquired from Russia", category: .military, kinds: [.count],
            after: [["destroyer"]]),
        MeasureRule(
            id: "china-s300-battalions-from-russia", label: "S-300 PMU-1 battalion units China acquired",
            category: .military, kinds: [.count], after: [["s-300", "battalion"]]),
        MeasureRule(
            id: "china-tor-m1-complexes-from-russia", label: "Tor M-1 SAM complexes China acquired",
            category: .military, kinds: [.count], after: [["tor m-1", "tor m1"]]),
        MeasureRule(
            id: "joint-exercise-chinese-personnel", label: "Chinese personnel in a joint military exercise",
            category: .military, kinds: [.people], after: [["personnel"]], sentence: [["chinese part", "chinese side"]]),
        MeasureRule(
            id: "joint-exercise-chinese-vessels", label: "Chinese ships and submarines in a joint military exercise",
            category: .military, kinds: [.count], after: [["ships"]], sentence: [["chinese part", "chinese side"]]),
        MeasureRule(
            id: "joint-exercise-personnel", label: "Personnel in a joint military exercise", category: .military,
            kinds: [.people], after: [["personnel"]], anywhere: [["exercise"]]),
        MeasureRule(
            id: "joint-exercise-vessels", label: "Ships and submarines in a joint military exercise",
            category: .military, kinds: [.count], after: [["ships"]], anywhere: [["exercise"]]),
        MeasureRule(
            id: "china-share-of-russian-arms-exports", label: "China's share of Russian arms exports",
            category: .military, kinds: [.percent], after: [["arms export"]], share: true),
        MeasureRule(
            id: "russia-share-of-china-arms-imports", label: "Russia's share of China's arms imports",
            category: .military, kinds: [.percent], after: [["arms import"]], share: true),
    ]
}
