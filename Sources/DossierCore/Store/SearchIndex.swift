/// One search result.
public struct SearchHit: Sendable, Hashable {
    public var ref: RecordRef
    /// Position in the index, to narrow a later, longer query to these hits.
    public var entry: Int
    /// True when every term was found in the record's title (name, claim…): such hits rank first.
    public var inTitle: Bool
}

#if canImport(Glibc)
import Glibc
#endif

/// Full-text search over every text field of every record, in both languages. Texts are folded
/// once (case, accents, apostrophes, no-break spaces) into two byte blobs — titles and bodies, one
/// entry after another with a NUL between — so a query costs one fold and a `memchr`-driven scan
/// of each blob per word, however many records there are.
public struct SearchIndex: Sendable {
    private struct Blob: Sendable {
        var bytes: [UInt8] = []
        /// Offset where each entry starts.
        var starts: [Int] = []

        mutating func append(_ text: String) {
            starts.append(bytes.count)
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
        }

        /// Marks the entries that contain `needle`.
        func mark(_ needle: [UInt8], into found: inout [Bool]) {
            guard !needle.isEmpty, !bytes.isEmpty else { return }
            var offset = 0
            while let position = find(needle, from: offset, to: bytes.count) {
                let entry = entryIndex(at: position)
                found[entry] = true
                // one match per entry is enough: go on from the next entry
                offset = entry + 1 < starts.count ? starts[entry + 1] : bytes.count
            }
        }

        /// Whether one entry contains `needle`.
        func contains(_ entry: Int, _ needle: [UInt8]) -> Bool {
            let start = starts[entry], end = entry + 1 < starts.count ? starts[entry + 1] - 1 : bytes.count - 1
            return find(needle, from: start, to: end) != nil
        }

        /// The first position of `needle` in bytes[from..<to]. `memchr` looks for the needle's
        /// rarest letter rather than its first, so common letters do not stop the scan every few bytes.
        private func find(_ needle: [UInt8], from: Int, to: Int) -> Int? {
            guard !needle.isEmpty, to - from >= needle.count else { return nil }
            let anchor = needle.indices.min { Blob.frequency[Int(needle[$0])] < Blob.frequency[Int(needle[$1])] }!
            return bytes.withUnsafeBufferPointer { haystack -> Int? in
                needle.withUnsafeBufferPointer { pattern -> Int? in
                    guard let base = haystack.baseAddress, let p = pattern.baseAddress else { return nil }
                    // candidates: the anchor byte at position + anchor, for positions from..(to - count)
                    var offset = from + anchor
                    let last = to - pattern.count + anchor
                    while offset <= last {
                        guard let hit = memchr(base + offset, Int32(pattern[anchor]), last - offset + 1) else { return nil }
                        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                        if memcmp(base + position, p, pattern.count) == 0 { return position }
                        offset = position + anchor + 1
                    }
                    return nil
                }
            }
        }

        /// How common each byte is in English and French text (per mille, roughly); rare bytes make
        /// the best anchors.
        static let frequency: [Int] = {
            var table = [Int](repeating: 5, count: 256)
            let letters: [(Character, Int)] = [("e", 140), ("a", 80), ("s", 75), ("i", 72), ("t", 72), ("n", 70), ("r", 65),
                                               ("o", 62), ("u", 45), ("l", 45), ("d", 38), ("c", 33), ("m", 28), ("p", 27),
                                               ("h", 25), ("g", 15), ("f", 15), ("v", 12), ("b", 12), ("y", 10), ("w", 8),
                                               ("q", 6), ("k", 4), ("x", 3), ("j", 3), ("z", 2)]
            for (letter, count) in letters { table[Int(letter.asciiValue!)] = count }
            table[0x20] = 160
            table[0x27] = 8
            return table
        }()

        private func entryIndex(at offset: Int) -> Int {
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }
    }

    private let refs: [RecordRef]
    private let titles: Blob
    private let bodies: Blob

    init(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source]) {
        func both(_ text: Localized?) -> String { text.map { $0.en + "\n" + $0.fr } ?? "" }
        var refs: [RecordRef] = []
        var titles = Blob(), bodies = Blob()
        func add(_ ref: RecordRef, _ title: String, _ body: [String]) {
            refs.append(ref)
            titles.append(TextFold.fold(title))
            bodies.append(TextFold.fold(body.joined(separator: "\n")))
        }
        for (i, p) in parties.enumerated() {
            add(.party(i), both(p.name) + "\n" + p.id,
                [both(p.summary), both(p.note), p.country, p.website ?? "", p.roles.map { both($0.label) }.joined(separator: " "), both(p.kind.label)])
        }
        for (i, e) in events.enumerated() {
            add(.event(i), both(e.title) + "\n" + e.id,
                [both(e.summary), both(e.note), e.date.description, both(e.kind.label), both(e.track.label)])
        }
        for (i, a) in arguments.enumerated() {
            add(.argument(i), both(a.claim) + "\n" + a.id,
                [both(a.detail), both(a.outcome), both(a.note), a.basis.joined(separator: "\n"), both(a.side.label)])
        }
        for (i, a) in accords.enumerated() {
            add(.accord(i), both(a.name) + "\n" + a.id,
                [a.instrument, both(a.summary), both(a.status), both(a.note), a.mechanisms.map(both).joined(separator: "\n")])
        }
        for (i, s) in sources.enumerated() {
            add(.source(i), s.publisher + "\n" + s.title + "\n" + s.id, [s.url, s.date.description])
        }
        self.refs = refs
        self.titles = titles
        self.bodies = bodies
    }

    /// Records containing every word of `query`, title hits first, then in kind and dossier order.
    /// With `within` (the hits of a query this one extends, as typing does), only those entries are
    /// looked at: a longer query can only match fewer records.
    public func search(_ query: String, within candidates: [SearchHit]? = nil) -> [SearchHit] {
        let terms = TextFold.fold(query).split(separator: " ").map { Array($0.utf8) }
        guard !terms.isEmpty else { return [] }
        // Few candidates: check each one. Many (the first letters of a query match nearly
        // everything): scanning the blobs is faster, then keep only the candidates.
        var allowed: [Bool]?
        if let candidates {
            var mask = [Bool](repeating: false, count: refs.count)
            for candidate in candidates { mask[candidate.entry] = true }
            if candidates.count * 8 < refs.count {
                var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
                for entry in refs.indices where mask[entry] {
                    var allInTitle = true, all = true
                    for term in terms {
                        if titles.contains(entry, term) { continue }
                        allInTitle = false
                        if !bodies.contains(entry, term) { all = false; break }
                    }
                    guard all else { continue }
                    let hit = SearchHit(ref: refs[entry], entry: entry, inTitle: allInTitle)
                    if allInTitle { titleHits.append(hit) } else { bodyHits.append(hit) }
                }
                return titleHits + bodyHits
            }
            allowed = mask
        }
        var inTitle = [Bool](repeating: true, count: refs.count)
        var inAny = [Bool](repeating: true, count: refs.count)
        for term in terms {
            var title = [Bool](repeating: false, count: refs.count)
            var body = [Bool](repeating: false, count: refs.count)
            titles.mark(term, into: &title)
            bodies.mark(term, into: &body)
            for i in refs.indices {
                inTitle[i] = inTitle[i] && title[i]
                inAny[i] = inAny[i] && (title[i] || body[i])
            }
        }
        var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
        for i in refs.indices where inAny[i] && (allowed?[i] ?? true) {
            if inTitle[i] { titleHits.append(SearchHit(ref: refs[i], entry: i, inTitle: true)) }
            else { bodyHits.append(SearchHit(ref: refs[i], entry: i, inTitle: false)) }
        }
        return titleHits + bodyHits
    }
}
