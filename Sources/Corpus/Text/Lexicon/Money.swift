/// Currencies: symbols, codes and names, each to its ISO 4217 code.
extension Lexicon {
    /// Where a currency word stands around the number it names.
    enum Placement: Sendable { case before, after, either }

    /// One row per spelling: "$ 5", "US$ 5", "Rbs 3.2tn" stand before the
    /// number; "5 dollars", "150 billion yuan" after; codes either side
    /// ("USD 240.1 billion", "30 billion RMB"). Misspellings found in real
    /// articles ("dolors") are rows too.
    static let currencies: [(phrase: String, code: String, placement: Placement)] = [
        ("$", "USD", .before), ("us$", "USD", .before), ("us $", "USD", .before), ("usd", "USD", .either),
        ("dollars", "USD", .after), ("dollar", "USD", .after), ("us dollars", "USD", .after),
        ("us dollar", "USD", .after), ("dolors", "USD", .after), ("dolor", "USD", .after),
        ("€", "EUR", .before), ("eur", "EUR", .either), ("euros", "EUR", .after), ("euro", "EUR", .after),
        ("yuan", "CNY", .after), ("rmb", "CNY", .either), ("cny", "CNY", .either), ("renminbi", "CNY", .after),
        ("₽", "RUB", .either), ("rub", "RUB", .either), ("rbs", "RUB", .before), ("rbl", "RUB", .before),
        ("roubles", "RUB", .after), ("rubles", "RUB", .after), ("rouble", "RUB", .after), ("ruble", "RUB", .after),
        ("₸", "KZT", .either), ("kzt", "KZT", .either), ("tenge", "KZT", .after),
        ("₹", "INR", .before), ("inr", "INR", .either), ("rs", "INR", .before), ("rupees", "INR", .after),
        ("¥", "JPY", .before), ("jpy", "JPY", .either), ("yen", "JPY", .after),
        ("£", "GBP", .before), ("gbp", "GBP", .either), ("sterling", "GBP", .after),
    ]
}
