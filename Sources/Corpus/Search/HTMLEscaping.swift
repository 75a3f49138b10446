/// Escaping for corpus text placed inside HTML: search snippets here, and
/// TimelineJS bodies and the docs page in the API. One implementation, so
/// every place that emits HTML escapes the same five characters.
public enum HTMLEscaping {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        append(Array(text.unicodeScalars)[...], to: &out)
        return out
    }

    static func append(_ scalars: ArraySlice<Unicode.Scalar>, to out: inout String) {
        for s in scalars {
            switch s {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(s)
            }
        }
    }
}
