/// A calendar date known to a day, a month or only a year, as sources give them.
public struct DossierDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Precision: String, Sendable { case day, month, year }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...DossierDate.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `2020-07-16`, `2019-11` or `2013`.
    /// (Read byte by byte, without splitting: every record of a dossier has a date.)
    public init?(_ text: String) {
        let bytes = text.utf8
        let length = bytes.count
        guard length == 4 || length == 7 || length == 10 else { return nil }
        var digits = (0, 0, 0), position = 0
        for byte in bytes {
            if position == 4 || position == 7 {
                guard byte == 0x2D else { return nil }
            } else {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                let digit = Int(byte - 0x30)
                switch position {
                case 0..<4: digits.0 = digits.0 * 10 + digit
                case 5..<7: digits.1 = digits.1 * 10 + digit
                default: digits.2 = digits.2 * 10 + digit
                }
            }
            position += 1
        }
        self.init(year: digits.0, month: length >= 7 ? digits.1 : nil, day: length == 10 ? digits.2 : nil)
    }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + twoDigits(month) }
        if let day { text += "-" + twoDigits(day) }
        return text
    }

    /// The first and last day this date can mean, as yyyymmdd numbers, for range queries.
    public var firstDay: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }
    public var lastDay: Int {
        let m = month ?? 12
        return year * 10_000 + m * 100 + (day ?? DossierDate.daysIn(month: m, year: year))
    }

    /// Orders by first day; a less precise date sorts before more precise ones of the same start.
    public static func < (a: DossierDate, b: DossierDate) -> Bool {
        if a.firstDay != b.firstDay { return a.firstDay < b.firstDay }
        return a.precisionRank < b.precisionRank
    }

    private var precisionRank: Int { day != nil ? 2 : (month != nil ? 1 : 0) }

    /// One number per date that orders as `<` does, and is equal exactly when the dates are:
    /// sorting 100,000 events by it needs no comparison of optional months and days.
    var sortKey: Int { firstDay * 4 + precisionRank }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
