import DossierCore

/// The cells of list rows already drawn, so a key that moves the selection does not lay out
/// again every visible row (cutting, padding and measuring the width of every title): a row's
/// content depends only on its record, the list's width, the language and the sources' order
/// (the store never changes). Selection, search highlights and the theme are painted over the
/// copied cells, as over freshly drawn ones. Shared by the renderer's frames; bounded.
final class RowCache: Sendable {
    struct Key: Hashable {
        var ref: RecordRef
        var width: Int
        var lang: Language
        var sourceOrder: SourceOrder
    }

    /// Far more rows than a screen shows: scrolling back and forth stays in the cache.
    private let rows = BoundedCache<Key, [Cell]>(capacity: 1024)

    func cells(_ key: Key, build: () -> [Cell]) -> [Cell] { rows.value(key, make: build) }
}
