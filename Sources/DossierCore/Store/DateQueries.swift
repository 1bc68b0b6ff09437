/// Questions about dates that the explorer and the CLI can both ask.
extension DossierStore {
    /// The event closest to a date (an index into `events`): the first on or after its first day,
    /// unless an earlier one is nearer. An event within the asked-for year or month always wins
    /// over one before it.
    public func nearestEvent(to date: DossierDate) -> Int? {
        guard !events.isEmpty else { return nil }
        let day = DossierStore.dayNumber(date.firstDay)
        guard let after = events.firstIndex(where: { $0.date.firstDay >= date.firstDay }) else { return events.count - 1 }
        if events[after].date.firstDay <= date.lastDay || after == 0 { return after }
        let before = after - 1
        let distanceAfter = DossierStore.dayNumber(events[after].date.firstDay) - day
        let distanceBefore = day - DossierStore.dayNumber(events[before].date.firstDay)
        return distanceBefore < distanceAfter ? before : after
    }

    /// Days since year 0 of a `yyyymmdd` number, near enough to compare distances between dates.
    static func dayNumber(_ yyyymmdd: Int) -> Int {
        let year = yyyymmdd / 10_000, month = yyyymmdd / 100 % 100, day = yyyymmdd % 100
        return year * 365 + year / 4 + (month - 1) * 306 / 10 + day
    }
}
