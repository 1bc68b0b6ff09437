/// The identifiers a court decision, a law or an act is cited by. Those with a fixed shape are
/// checked when the dossier is read, so a mistyped ECLI or CELEX number is a validation error at
/// its line and column, not a broken citation.
public struct LegalIdentifiers: Declared {
    /// The identifiers themselves. Most records have none, so a record holds them behind one
    /// reference, nil when they are all absent: inline, they were 184 of an event's 460 bytes
    /// (18 MB of 100,000 synthetic events, none of which has any).
    struct Values: Sendable, Hashable {
        var ecli: String?
        var cases: [String] = []
        var celex: String?
        var eli: String?
        var nor: String?
        var legifrance: String?
        var officialJournal: String?
        var federalRegister: String?
        var publicLaw: String?
        var unavailable: Localized?
    }

    /// Never changed once made: a change makes a new box, so copies of a record never share one
    /// that changes.
    private final class Box: Sendable {
        let values: Values
        init(_ values: Values) { self.values = values }
    }

    private var box: Box?

    private var values: Values {
        get { box?.values ?? Values() }
        set { box = newValue == Values() ? nil : Box(newValue) }
    }

    /// European Case Law Identifier: `ECLI:FR:CEORD:2024:492369.20240322`.
    public var ecli: String? {
        get { box?.values.ecli }
        set { values.ecli = newValue }
    }
    /// Case or request numbers as the court writes them: `492369`, `C-311/18`, `T-553/23`,
    /// `C-703/25 P`, `No. 25-332`, `[2014] IEHC 310`.
    public var cases: [String] {
        get { box?.values.cases ?? [] }
        set { values.cases = newValue }
    }
    /// CELEX number of an EU document: `32016R0679`, `62018CJ0311`.
    public var celex: String? {
        get { box?.values.celex }
        set { values.celex = newValue }
    }
    /// European Legislation Identifier, as its URI: `http://data.europa.eu/eli/reg/2016/679/oj`.
    public var eli: String? {
        get { box?.values.eli }
        set { values.eli = newValue }
    }
    /// French NOR number: `SSAE1933382A`.
    public var nor: String? {
        get { box?.values.nor }
        set { values.nor = newValue }
    }
    /// Légifrance text id: `JORFTEXT000039433105`, `CETATEXT000042168723`, `CNILTEXT000049057224`.
    public var legifrance: String? {
        get { box?.values.legifrance }
        set { values.legifrance = newValue }
    }
    /// Where an official journal published it: `OJ L 231, 20.9.2023, p. 118`.
    public var officialJournal: String? {
        get { box?.values.officialJournal }
        set { values.officialJournal = newValue }
    }
    /// Federal Register citation: `87 FR 62283`.
    public var federalRegister: String? {
        get { box?.values.federalRegister }
        set { values.federalRegister = newValue }
    }
    /// US Public Law number: `Pub. L. 118-49`.
    public var publicLaw: String? {
        get { box?.values.publicLaw }
        set { values.publicLaw = newValue }
    }
    /// Why a decision's number or ECLI is not given, when it could not be found: said, not left out.
    public var unavailable: Localized? {
        get { box?.values.unavailable }
        set { values.unavailable = newValue }
    }
    public init() {}

    public static func == (a: LegalIdentifiers, b: LegalIdentifiers) -> Bool {
        a.box === b.box || a.values == b.values
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(values) }

    public static let fields: [Field<LegalIdentifiers>] = [
        .optionalLine("ecli", \.ecli, check: shape("an ECLI such as ECLI:FR:CEORD:2024:492369.20240322", isECLI)),
        .lines("cases", \.cases),
        .optionalLine("celex", \.celex, check: shape("a CELEX number such as 32016R0679 or 62018CJ0311", isCELEX)),
        .optionalLine("eli", \.eli, check: shape("an ELI address such as http://data.europa.eu/eli/reg/2016/679/oj", isELI)),
        .optionalLine("nor", \.nor, check: shape("a NOR number such as SSAE1933382A", isNOR)),
        .optionalLine("legifrance", \.legifrance, check: shape("a Légifrance id such as JORFTEXT000039433105", isLegifranceID)),
        .optionalLine("official_journal", \.officialJournal),
        .optionalLine("federal_register", \.federalRegister, check: shape("a Federal Register citation such as 87 FR 62283", isFederalRegister)),
        .optionalLine("public_law", \.publicLaw, check: shape("a Public Law number such as Pub. L. 118-49", isPublicLaw)),
        .optionalText("unavailable", \.unavailable, search: .none),
    ]

    /// No identifier and no reason given (a box is only kept for values that are not all absent).
    public var isEmpty: Bool { box == nil }

    /// Every identifier, labelled, in declaration order: what the detail and citations show.
    /// (`unavailable` is shown by the detail in the reader's language, not cited.)
    public var labelled: [(label: Localized, value: String)] {
        var result: [(Localized, String)] = []
        if let ecli { result.append((Localized("ECLI"), ecli)) }
        for number in cases { result.append((Strings.caseNumber, number)) }
        if let celex { result.append((Localized("CELEX"), celex)) }
        if let eli { result.append((Localized("ELI"), eli)) }
        if let nor { result.append((Localized("NOR"), nor)) }
        if let legifrance { result.append((Localized("Légifrance"), legifrance)) }
        if let officialJournal { result.append((Strings.officialJournal, officialJournal)) }
        if let federalRegister { result.append((Localized("Federal Register"), federalRegister)) }
        if let publicLaw { result.append((Localized("Public Law"), publicLaw)) }
        return result
    }

    /// A case number as typed in a filter: folded, without spaces (`c-703/25p`).
    public static func caseKey(_ text: String) -> String { TextFold.fold(text).filter { $0 != " " } }

    /// Whether one of the case numbers starts with `key` (a `caseKey`): `case:C-703/25` finds
    /// `C-703/25 P`, and `case:492895` the decision that joined 492895 and 493007.
    public func hasCase(_ key: String) -> Bool {
        !key.isEmpty && cases.contains { Self.caseKey($0).hasPrefix(key) }
    }

    // MARK: shapes

    private static func shape(_ expected: String, _ test: @escaping @Sendable (String) -> Bool) -> @Sendable (String, String, FieldReader) -> Bool {
        { key, value, reader in
            if test(value) { return true }
            reader.report(at: key, "'\(key)' value '\(value)' is not \(expected)")
            return false
        }
    }

    private static func all(_ text: Substring, _ allowed: (UInt8) -> Bool) -> Bool { !text.isEmpty && text.utf8.allSatisfy(allowed) }
    private static func isUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// `ECLI:` country (2 letters, or EU) `:` court (1–7 letters or digits) `:` year `:` ordinal
    /// (1–25 letters, digits or dots), as the ECLI Council conclusions define it.
    public static func isECLI(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "ECLI" else { return false }
        return parts[1].utf8.count == 2 && all(parts[1], isUpper)
            && (1...7).contains(parts[2].utf8.count) && all(parts[2]) { isUpper($0) || isDigit($0) }
            && parts[3].utf8.count == 4 && all(parts[3], isDigit)
            && (1...25).contains(parts[4].utf8.count) && all(parts[4]) { isUpper($0) || isDigit($0) || $0 == 0x2E || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// Sector (digit, C or E), year, document type (1–2 capitals), number (digits, then
    /// optional capitals, digits, parentheses or underscores: `62022TJ0354_RES`).
    public static func isCELEX(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, isDigit(bytes[0]) || bytes[0] == 0x43 || bytes[0] == 0x45,
            bytes[1...4].allSatisfy(isDigit)
        else { return false }
        var i = 5
        var letters = 0
        while i < bytes.count, isUpper(bytes[i]) { i += 1; letters += 1 }
        guard (1...2).contains(letters), i < bytes.count, isDigit(bytes[i]) else { return false }
        return bytes[i...].allSatisfy { isDigit($0) || isUpper($0) || $0 == 0x28 || $0 == 0x29 || $0 == 0x5F }
    }

    public static func isELI(_ text: String) -> Bool {
        (text.hasPrefix("http://") || text.hasPrefix("https://")) && text.contains("/eli/") && !text.contains(" ")
    }

    /// Four capitals (ministry and department), two digits of year, five digits, one capital.
    public static func isNOR(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 12 && bytes[0..<4].allSatisfy(isUpper) && bytes[4..<11].allSatisfy(isDigit) && isUpper(bytes[11])
    }

    /// A fund's capitals ending in TEXT or ARTI, then twelve digits.
    public static func isLegifranceID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 16 else { return false }
        let head = String(decoding: bytes[..<(bytes.count - 12)], as: UTF8.self)
        return bytes[(bytes.count - 12)...].allSatisfy(isDigit) && (head.hasSuffix("TEXT") || head.hasSuffix("ARTI"))
            && head.utf8.allSatisfy(isUpper) && head.utf8.count > 4
    }

    public static func isFederalRegister(_ text: String) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        return parts.count == 3 && all(parts[0], isDigit) && parts[1] == "FR" && all(parts[2], isDigit)
    }

    public static func isPublicLaw(_ text: String) -> Bool {
        guard text.hasPrefix("Pub. L. ") else { return false }
        let numbers = text.dropFirst(8).split(separator: "-", omittingEmptySubsequences: false)
        return numbers.count == 2 && all(numbers[0], isDigit) && all(numbers[1], isDigit)
    }
}
