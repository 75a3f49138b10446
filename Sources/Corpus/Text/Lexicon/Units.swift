/// Units by kind, each spelling to the one unit its kind is normalised to.
extension Lexicon {
    enum UnitKind: String, Sendable {
        case percent, percentagePoints, ratio, mass, volume, length, area, energy, containers, people, things
    }

    /// One row per spelling, read after the number and its scale. `scale`
    /// is a scale the unit itself carries ("bcm" is a billion cubic metres).
    /// People are always `people` and things always `count`: what is counted
    /// is the measure's business, not the unit's.
    static let units: [(phrase: String, kind: UnitKind, unit: String, scale: String?)] = [
        ("%", .percent, "percent", nil), ("per cent", .percent, "percent", nil), ("percent", .percent, "percent", nil),
        ("pct", .percent, "percent", nil),
        ("percentage points", .percentagePoints, "percentage points", nil),
        ("percentage point", .percentagePoints, "percentage points", nil), ("pp", .percentagePoints, "percentage points", nil),
        ("times", .ratio, "ratio", nil), ("fold", .ratio, "ratio", nil),
        ("tonnes", .mass, "tonnes", nil), ("tonne", .mass, "tonnes", nil), ("tons", .mass, "tonnes", nil),
        ("ton", .mass, "tonnes", nil), ("metric tons", .mass, "tonnes", nil), ("mt", .mass, "tonnes", "million"),
        ("bcm", .volume, "cubic metres", "billion"), ("tcm", .volume, "cubic metres", "trillion"),
        ("cubic metres", .volume, "cubic metres", nil), ("cubic meters", .volume, "cubic metres", nil),
        ("m³", .volume, "cubic metres", nil), ("barrels", .volume, "barrels", nil), ("bbl", .volume, "barrels", nil),
        ("km", .length, "km", nil), ("kilometres", .length, "km", nil), ("kilometers", .length, "km", nil),
        ("miles", .length, "miles", nil), ("metres", .length, "metres", nil), ("meters", .length, "metres", nil),
        ("square kilometres", .area, "square km", nil), ("square kilometers", .area, "square km", nil),
        ("square km", .area, "square km", nil), ("sq km", .area, "square km", nil), ("km²", .area, "square km", nil),
        ("hectares", .area, "hectares", nil), ("ha", .area, "hectares", nil),
        ("kwh", .energy, "kWh", nil), ("mwh", .energy, "MWh", nil), ("gwh", .energy, "GWh", nil),
        ("twh", .energy, "TWh", nil), ("mw", .energy, "MW", nil), ("gw", .energy, "GW", nil),
        ("teu", .containers, "TEU", nil), ("teus", .containers, "TEU", nil),
    ] + countNouns.people.map { ($0, .people, "people", nil) } + countNouns.things.map { ($0, .things, "count", nil) }

    /// Nouns that make a bare number a count of something: people or things.
    /// A count may stand a few modifiers before its noun ("ten Russian and
    /// Chinese warships", "24 Su-35 aircraft").
    static let countNouns: (people: [String], things: [String]) = (
        people: [
            "people", "persons", "person", "students", "tourists", "visitors", "troops", "personnel", "soldiers",
            "servicemen", "members", "workers", "employees", "staff", "citizens", "residents", "inhabitants",
            "migrants", "men", "women", "children", "guards", "officers", "specialists", "teachers", "pupils",
            "scholars", "participants", "delegates", "travellers", "passengers", "arrivals", "dead", "casualties",
            "refugees", "volunteers", "experts", "graduates", "learners", "speakers", "candidates", "applicants",
            "voters", "viewers", "readers", "pilgrims", "patients", "nurses", "doctors", "physicians", "clinicians",
            "researchers", "scientists", "engineers",
        ],
        things: [
            "units", "aircraft", "planes", "jets", "fighters", "bombers", "helicopters", "drones", "tanks",
            "vehicles", "cars", "trucks", "lorries", "buses", "ships", "vessels", "warships", "submarines",
            "destroyers", "frigates", "corvettes", "boats", "engines", "missiles", "launchers", "battalions",
            "divisions", "regiments", "brigades", "cargoes", "shipments", "modules", "flights", "trains",
            "crossings", "bridges", "markers", "islands", "violations", "incidents", "clashes", "banks",
            "companies", "firms", "enterprises", "schools", "universities", "institutes", "centres", "branches",
            "stores", "plants", "factories", "pieces", "systems", "satellites", "reactors", "wells", "ports",
            "projects", "contracts", "films", "screenings", "titles", "courses", "programmes", "classrooms", "events",
            "exhibitions", "concerts", "performances", "beds", "doses", "hospitals", "clinics", "laboratories",
            "animals", "rodents", "livestock",
        ]
    )

    /// Words after a number that make it a quantity, not a year ("2000 km",
    /// "1000 troops", "2010 roubles", "1500 million"): every one-word unit,
    /// count noun, currency written after its number, and scale word.
    static let quantityNouns: Set<String> = Set(
        (units.map(\.phrase) + currencies.filter { $0.placement != .before }.map(\.phrase) + scales.keys)
            .filter { !$0.contains(" ") })

    /// Nouns that head a measure: "the number of projects … 32", "the share of … 15".
    static let measureHeads: Set<String> = ["number", "volume", "share", "amount"]

    /// Rates written after a unit ("10 bcm a year", "1,200 trucks a day").
    static let rates: [String: String] = [
        "a year": "per year", "per year": "per year", "per annum": "per year", "a day": "per day",
        "per day": "per day", "a week": "per week", "per week": "per week", "a month": "per month",
        "per month": "per month",
    ]
}
