/// A text in Dutch and English, the two languages every catalogue entry carries.
public struct LocalizedText: Sendable, Hashable {
    /// The Dutch text.
    public var nl: String
    /// The English text.
    public var en: String

    /// Creates a text from both languages.
    public init(nl: String, en: String) {
        self.nl = nl
        self.en = en
    }

    /// The text in `language` (`nl` or `en`); Dutch for anything else.
    public func text(in language: String) -> String {
        language == "en" ? en : nl
    }
}
