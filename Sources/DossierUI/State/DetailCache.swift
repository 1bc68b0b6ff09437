import DossierCore
import Synchronization

/// The detail of the selected record, built and laid out once and reused while what it depends
/// on is the same: a key that moves the selection asks for it from the reducer and again from
/// the render, and a key that does not change the selection (a link chosen, the detail scrolled)
/// asks for the same lines again. Detail blocks depend only on the immutable store, the record
/// (or the bucket) and the language; the lines also on the detail's width. Styles are not part
/// of the layout (the theme, a search's highlights and the selection are painted over it by the
/// render), so they need no key. A frame needs only the lines it shows: those are laid out first,
/// the rest when something asks for all of them. Shared by copies of the state: an entry is only
/// ever replaced, never changed in place.
final class DetailCache: Sendable {
    struct Key: Hashable {
        var ref: RecordRef?
        var bucket: Bucket?
        var lang: Language
    }

    private struct Entry {
        var key: Key
        var blocks: [DetailBlock]
        var width: Int?
        /// The first lines of the layout at `width`, or all of them when `complete`.
        var lines: [DetailLine]
        var complete: Bool
    }

    private let entry = Mutex<Entry?>(nil)

    func blocks(_ key: Key, build: () -> [DetailBlock]) -> [DetailBlock] {
        if let cached = entry.withLock({ $0?.key == key ? $0?.blocks : nil }) { return cached }
        let blocks = build()
        entry.withLock { $0 = Entry(key: key, blocks: blocks, width: nil, lines: [], complete: false) }
        return blocks
    }

    /// The layout's first `limit` lines (all of them without a limit).
    func lines(_ key: Key, width: Int, limit: Int = .max, build: () -> [DetailBlock],
               layout: ([DetailBlock], Int) -> [DetailLine]) -> [DetailLine] {
        let cached = entry.withLock { entry -> [DetailLine]? in
            guard let entry, entry.key == key, entry.width == width else { return nil }
            if entry.complete { return entry.lines.count > limit ? Array(entry.lines.prefix(limit)) : entry.lines }
            return entry.lines.count >= limit ? Array(entry.lines.prefix(limit)) : nil
        }
        if let cached { return cached }
        let blocks = self.blocks(key, build: build)
        let lines = layout(blocks, limit)
        let complete = lines.count < limit || limit == .max
        entry.withLock { $0 = Entry(key: key, blocks: blocks, width: width, lines: lines, complete: complete) }
        return lines
    }
}
