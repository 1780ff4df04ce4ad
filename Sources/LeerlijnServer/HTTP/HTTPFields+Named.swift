import HTTPTypes

extension HTTPFields {
    /// Sets a header that `HTTPField.Name` has no constant for (`Link`, `X-Total-Count`).
    ///
    /// The names passed are literals of valid tokens, so the lookup never fails in practice;
    /// should it, the header is left out rather than the request failing.
    mutating func set(_ name: String, _ value: String) {
        if let field = HTTPField.Name(name) { self[field] = value }
    }
}
