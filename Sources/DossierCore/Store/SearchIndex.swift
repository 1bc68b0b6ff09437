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
            guard let first = needle.first, !bytes.isEmpty else { return }
            bytes.withUnsafeBufferPointer { haystack in
                needle.withUnsafeBufferPointer { pattern in
                    guard let base = haystack.baseAddress, let p = pattern.baseAddress else { return }
                    var offset = 0
                    let end = haystack.count - pattern.count
                    while offset <= end {
                        guard let hit = memchr(base + offset, Int32(first), end - offset + 1) else { return }
                        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(base + position, p, pattern.count) == 0 {
                            let entry = entryIndex(at: position)
                            found[entry] = true
                            // skip to the next entry: one match per entry is enough
                            offset = entry + 1 < starts.count ? starts[entry + 1] : haystack.count
                        } else {
                            offset = position + 1
                        }
                    }
                }
            }
        }

        /// Whether one entry contains `needle`.
        func contains(_ entry: Int, _ needle: [UInt8]) -> Bool {
            guard let first = needle.first else { return true }
            let start = starts[entry], end = entry + 1 < starts.count ? starts[entry + 1] - 1 : bytes.count - 1
            guard end - start >= needle.count else { return false }
            return bytes.withUnsafeBufferPointer { haystack in
                needle.withUnsafeBufferPointer { pattern in
                    guard let base = haystack.baseAddress, let p = pattern.baseAddress else { return false }
                    var offset = start
                    let last = end - pattern.count
                    while offset <= last {
                        guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
                        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        if memcmp(base + position, p, pattern.count) == 0 { return true }
                        offset = position + 1
                    }
                    return false
                }
            }
        }

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
        if let candidates {
            var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
            for candidate in candidates.sorted(by: { $0.entry < $1.entry }) {
                var allInTitle = true, all = true
                for term in terms {
                    if titles.contains(candidate.entry, term) { continue }
                    allInTitle = false
                    if !bodies.contains(candidate.entry, term) { all = false; break }
                }
                guard all else { continue }
                let hit = SearchHit(ref: refs[candidate.entry], entry: candidate.entry, inTitle: allInTitle)
                if allInTitle { titleHits.append(hit) } else { bodyHits.append(hit) }
            }
            return titleHits + bodyHits
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
        for i in refs.indices where inAny[i] {
            if inTitle[i] { titleHits.append(SearchHit(ref: refs[i], entry: i, inTitle: true)) }
            else { bodyHits.append(SearchHit(ref: refs[i], entry: i, inTitle: false)) }
        }
        return titleHits + bodyHits
    }
}
