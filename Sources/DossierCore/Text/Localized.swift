/// The two languages every text of the dossier exists in.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case en, fr

    /// The language a person's environment asks for: LC_ALL, then LC_MESSAGES, then LANG;
    /// any value starting with "fr" means French, anything else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("fr") ? .fr : .en
            }
        }
        return .en
    }
}

/// A text in English and French.
public struct Localized: Sendable, Hashable {
    public var en: String
    public var fr: String

    public init(en: String, fr: String) {
        self.en = en
        self.fr = fr
    }

    /// The same text in both languages (proper names).
    public init(_ both: String) {
        self.init(en: both, fr: both)
    }

    public subscript(_ language: Language) -> String {
        language == .en ? en : fr
    }
}
