import DossierCore
import Synchronization

/// The details of the records last selected, built, laid out and drawn once and reused while
/// what they depend on is the same: a key that does not change the selection (a link chosen,
/// the detail scrolled) asks for the same lines again, and going back to a record seen a moment
/// ago (`k` after `j`, back from a link) finds its detail still here. Detail blocks depend only on
/// the immutable store, the record (or the bucket) and the language; the lines also on the
/// detail's width; a line's cells also on the column it is drawn from. Styles of the lines'
/// own segments are part of the cells, but the theme, a search's highlights and the selection are
/// painted over them by the render, so they need no key. A frame needs only the lines it shows:
/// those are laid out (and drawn) first, the rest when something asks for all of them. Shared by
/// the renderer's frames; holds the `capacity` records used last.
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
        /// Lines already drawn as cells (by line index), at `width` from `column`.
        var cells: [Int: [Cell]] = [:]
        var column = 0
    }

    /// Records whose detail is kept (the one shown and those seen just before).
    static let capacity = 16

    /// Least recently used first.
    private let entries = Mutex<[Entry]>([])

    /// How many records' details are held (for tests).
    var count: Int { entries.withLock { $0.count } }

    /// Whether a record's detail is held, its lines laid out (for tests).
    func holdsLines(_ key: Key) -> Bool { entries.withLock { $0.contains { $0.key == key && $0.width != nil } } }

    /// The entry for `key`, made the most recently used one; nil when there is none.
    private func touch(_ key: Key, in entries: inout [Entry]) -> Int? {
        guard let index = entries.lastIndex(where: { $0.key == key }) else { return nil }
        if index != entries.count - 1 { entries.append(entries.remove(at: index)) }
        return entries.count - 1
    }

    private func store(_ entry: Entry, in entries: inout [Entry]) {
        if let index = entries.lastIndex(where: { $0.key == entry.key }) { entries.remove(at: index) }
        if entries.count >= DetailCache.capacity { entries.removeFirst(entries.count - DetailCache.capacity + 1) }
        entries.append(entry)
    }

    func blocks(_ key: Key, build: () -> [DetailBlock]) -> [DetailBlock] {
        if let cached = entries.withLock({ entries in touch(key, in: &entries).map { entries[$0].blocks } }) { return cached }
        let blocks = build()
        entries.withLock { store(Entry(key: key, blocks: blocks, width: nil, lines: [], complete: false), in: &$0) }
        return blocks
    }

    /// The layout's first `limit` lines (all of them without a limit).
    func lines(
        _ key: Key, width: Int, limit: Int = .max, build: () -> [DetailBlock],
        layout: ([DetailBlock], Int) -> [DetailLine]
    ) -> [DetailLine] {
        let cached = entries.withLock { entries -> [DetailLine]? in
            guard let index = touch(key, in: &entries), entries[index].width == width else { return nil }
            let count = entries[index].lines.count
            if entries[index].complete { return count > limit ? Array(entries[index].lines.prefix(limit)) : entries[index].lines }
            return count >= limit ? Array(entries[index].lines.prefix(limit)) : nil
        }
        if let cached { return cached }
        let blocks = self.blocks(key, build: build)
        let lines = layout(blocks, limit)
        let complete = lines.count < limit || limit == .max
        entries.withLock { entries in
            var entry = Entry(key: key, blocks: blocks, width: width, lines: lines, complete: complete)
            // a longer layout at the same width begins with the same lines: their cells still hold
            if let index = entries.lastIndex(where: { $0.key == key }), entries[index].width == width {
                entry.cells = entries[index].cells
                entry.column = entries[index].column
            }
            store(entry, in: &entries)
        }
        return lines
    }

    /// Line `index` of the layout at `width` as drawn from `column`, if it was drawn before.
    func cells(_ key: Key, width: Int, column: Int, line index: Int) -> [Cell]? {
        entries.withLock { entries in
            guard let found = entries.lastIndex(where: { $0.key == key }), entries[found].width == width,
                entries[found].column == column
            else { return nil }
            return entries[found].cells[index]
        }
    }

    /// Keeps line `index`'s cells, drawn from `column`, with the record's lines (when they are
    /// still here, at that width).
    func keep(_ cells: [Cell], _ key: Key, width: Int, column: Int, line index: Int) {
        entries.withLock { entries in
            guard let found = entries.lastIndex(where: { $0.key == key }), entries[found].width == width,
                index < entries[found].lines.count
            else { return }
            if entries[found].column != column {
                entries[found].cells = [:]
                entries[found].column = column
            }
            entries[found].cells[index] = cells
        }
    }
}
