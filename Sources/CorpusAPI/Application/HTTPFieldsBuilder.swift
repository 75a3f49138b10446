import HTTPTypes

/// Builds `HTTPFields` from plain names, for headers swift-http-types does not predefine.
struct HTTPFieldsBuilder {
    var fields = HTTPFields()

    mutating func add(_ name: String, _ value: String) {
        guard let n = HTTPField.Name(name) else { return }
        fields.append(HTTPField(name: n, value: value))
    }
}
