import DossierCore
import Testing

/// The nearest event to a date (moved here from the explorer's reducer; `t`, `:goto` and
/// `browse --at` use it). The valid fixture's events: 2000-07, 2013, 2024-03-05, 2024-03-22.
@Suite struct DateQueriesTests {
    @Test(arguments: [
        ("1990", "ev-accord"),  // before the first: the first
        ("2000-08-15", "ev-accord"),  // weeks after July 2000, years before 2013
        ("2013", "ev-year"),  // an event within the year asked for wins
        ("2024-03-10", "ev-filing"),  // five days after, twelve before
        ("2024-03-20", "ev-ruling"),  // two days before, fifteen after
        ("2024-03", "ev-filing"),  // within the month: its first event
        ("2099", "ev-ruling"),  // after the last: the last
    ])
    func nearestEvent(date: String, expected: String) throws {
        let store = try Fixtures.validStore()
        let day = try #require(DossierDate(date))
        let index = try #require(store.nearestEvent(to: day))
        #expect(store.events[index].id == expected)
    }
}
