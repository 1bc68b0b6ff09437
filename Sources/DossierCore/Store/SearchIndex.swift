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

        /// Starts the next entry.
        mutating func begin() {
            if !starts.isEmpty { bytes.append(0) }
            starts.append(bytes.count)
        }

        /// Adds one text, folded, to the current entry.
        mutating func add(_ text: String) {
            TextFold.fold(text, into: &bytes)
            bytes.append(0x0A)
        }

        /// Room for `bytes` of text in `entries` entries (each text also takes a line break).
        mutating func reserve(bytes count: Int, entries: Int) {
            bytes.reserveCapacity(count + entries * 8)
            starts.reserveCapacity(entries)
        }

        /// Closes the last entry.
        mutating func end() {
            if !starts.isEmpty { bytes.append(0) }
        }

        /// Marks the entries that contain `needle`.
        func mark(_ needle: Needle, into found: inout [Bool]) {
            guard !bytes.isEmpty else { return }
            var offset = 0
            while let position = find(needle, from: offset, to: bytes.count) {
                let entry = entryIndex(at: position)
                found[entry] = true
                // one match per entry is enough: go on from the next entry
                offset = entry + 1 < starts.count ? starts[entry + 1] : bytes.count
            }
        }

        /// Whether one entry contains `needle`.
        func contains(_ entry: Int, _ needle: Needle) -> Bool {
            let start = starts[entry], end = entry + 1 < starts.count ? starts[entry + 1] - 1 : bytes.count - 1
            return find(needle, from: start, to: end) != nil
        }

        /// The first position of `needle` in bytes[from..<to]. `memchr` looks for the needle's
        /// rarest letter rather than its first, so common letters do not stop the scan every few
        /// bytes; the first and last letters are compared before the whole needle.
        private func find(_ needle: Needle, from: Int, to: Int) -> Int? {
            let count = needle.bytes.count
            guard count > 0, to - from >= count else { return nil }
            let anchor = needle.anchor
            return bytes.withUnsafeBufferPointer { haystack -> Int? in
                needle.bytes.withUnsafeBufferPointer { pattern -> Int? in
                    guard let base = haystack.baseAddress, let p = pattern.baseAddress else { return nil }
                    let key = Int32(pattern[anchor]), first = pattern[0], final = pattern[count - 1]
                    // candidates: the anchor byte at position + anchor, for positions from..(to - count)
                    var offset = from + anchor
                    let last = to - count + anchor
                    while offset <= last {
                        guard let hit = memchr(base + offset, key, last - offset + 1) else { return nil }
                        let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                        if base[position] == first && base[position + count - 1] == final
                            && memcmp(base + position, p, count) == 0 { return position }
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

    /// A folded search term and the position of its rarest byte, found once per query.
    struct Needle {
        let bytes: [UInt8]
        let anchor: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            anchor = bytes.indices.min { Blob.frequency[Int(bytes[$0])] < Blob.frequency[Int(bytes[$1])] } ?? 0
        }
    }

    private let refs: [RecordRef]
    private let titles: Blob
    private let bodies: Blob

    /// Folds every text of the dossier: titles on one core, the rest on another.
    init(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source], terms: [Term]) {
        refs = parties.indices.map { .party($0) } + events.indices.map { .event($0) } + arguments.indices.map { .argument($0) }
            + accords.indices.map { .accord($0) } + sources.indices.map { .source($0) } + terms.indices.map { .term($0) }
        let blobs = UnsafeMutableBufferPointer<Blob>.allocate(capacity: 2)
        blobs.initialize(repeating: Blob())
        defer { blobs.deinitialize(); blobs.deallocate() }
        Parallel.forEach(2) { part in
            blobs[part] = part == 0
                ? SearchIndex.titles(parties: parties, events: events, arguments: arguments, accords: accords, sources: sources, terms: terms)
                : SearchIndex.bodies(parties: parties, events: events, arguments: arguments, accords: accords, sources: sources, terms: terms)
        }
        titles = blobs[0]
        bodies = blobs[1]
    }

    /// Names, titles, claims and ids: hits there rank first. One entry per record, in `refs` order.
    private static func titles(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source], terms: [Term]) -> Blob {
        blob(.title, parties, events, arguments, accords, sources, terms)
    }

    /// Every other text of each record.
    private static func bodies(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source], terms: [Term]) -> Blob {
        blob(.body, parties, events, arguments, accords, sources, terms)
    }

    /// One entry per record, in `refs` order, of the texts its kind's fields put in `place`
    /// (titles also hold the id).
    private static func blob(_ place: SearchPlace, _ parties: [Party], _ events: [Event], _ arguments: [Argument],
                             _ accords: [Accord], _ sources: [Source], _ terms: [Term]) -> Blob {
        var blob = Blob()
        // sized in advance: growing a 100 MB array by doubling would briefly hold it twice
        let size = bytes(place, parties) + bytes(place, events) + bytes(place, arguments) + bytes(place, accords) + bytes(place, sources)
            + bytes(place, terms)
        blob.reserve(bytes: size, entries: parties.count + events.count + arguments.count + accords.count + sources.count + terms.count)
        add(place, parties, to: &blob)
        add(place, events, to: &blob)
        add(place, arguments, to: &blob)
        add(place, accords, to: &blob)
        add(place, sources, to: &blob)
        add(place, terms, to: &blob)
        blob.end()
        return blob
    }

    /// The text closures of the fields `R` puts in `place`, taken out of the table once: copying
    /// a whole `Field` per record and field costs a retain per closure it holds.
    private static func texts<R: DossierRecord>(_ place: SearchPlace, _ type: R.Type) -> [@Sendable (R, (String) -> Void) -> Void] {
        R.fields.filter { $0.search == place }.map(\.texts)
    }

    private static func bytes<R: DossierRecord>(_ place: SearchPlace, _ records: [R]) -> Int {
        let texts = texts(place, R.self)
        var size = 0
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                if place == .title { size += records[i].id.utf8.count }
                for text in texts { text(records[i]) { size += $0.utf8.count + 1 } }
            }
        }
        return size
    }

    private static func add<R: DossierRecord>(_ place: SearchPlace, _ records: [R], to blob: inout Blob) {
        let texts = texts(place, R.self)
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                blob.begin()
                // a link counts by the words it shows, as on the page, not by its target's id
                for text in texts { text(records[i]) { blob.add(OverviewLinks.plain($0) { $0 }) } }
                if place == .title { blob.add(records[i].id) }
            }
        }
    }

    /// Records containing every word of `query`, title hits first, then in kind and dossier order.
    /// With `previous` (a query this one extends, as typing does, and its hits), only those hits
    /// are looked at, and only for the words that changed: a longer query can only match fewer
    /// records.
    public func search(_ query: String, extending previous: (query: String, hits: [SearchHit])? = nil) -> [SearchHit] {
        let folded = TextFold.fold(query)
        let terms = folded.split(separator: " ").map { Needle(Array($0.utf8)) }
        guard !terms.isEmpty else { return [] }
        if let previous {
            let before = TextFold.fold(previous.query)
            let previousTerms = before.split(separator: " ")
            if !previousTerms.isEmpty, folded.hasPrefix(before) {
                // the previous words are settled, except the last one if it may have grown
                let complete = before.hasSuffix(" ") || folded.utf8.count == before.utf8.count
                    || folded.utf8[folded.utf8.index(folded.utf8.startIndex, offsetBy: before.utf8.count)] == 0x20
                return narrow(previous.hits, terms: terms, settled: min(terms.count, previousTerms.count - (complete ? 0 : 1)))
            }
        }
        var inTitle = [Bool](repeating: true, count: refs.count)
        var inAny = [Bool](repeating: true, count: refs.count)
        for term in terms {
            // titles on one core, bodies on the other
            let found = UnsafeMutableBufferPointer<[Bool]>.allocate(capacity: 2)
            found.initialize(repeating: [])
            defer { found.deinitialize(); found.deallocate() }
            Parallel.forEach(2) { part in
                var marks = [Bool](repeating: false, count: refs.count)
                (part == 0 ? titles : bodies).mark(term, into: &marks)
                found[part] = marks
            }
            let title = found[0], body = found[1]
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

    /// Keeps the hits that also contain `terms[settled...]`, in the same order (title hits first,
    /// each group in entry order). A hit that was not a title hit cannot become one.
    private func narrow(_ hits: [SearchHit], terms: [Needle], settled: Int) -> [SearchHit] {
        let open = terms[settled...]
        if open.isEmpty { return hits }
        // back into entry order: the title hits and the body hits are each sorted already
        let split = hits.firstIndex { !$0.inTitle } ?? hits.count
        var ordered: [SearchHit] = []
        ordered.reserveCapacity(hits.count)
        var t = 0, b = split
        while t < split || b < hits.count {
            if b >= hits.count || (t < split && hits[t].entry < hits[b].entry) { ordered.append(hits[t]); t += 1 }
            else { ordered.append(hits[b]); b += 1 }
        }
        // many hits (the first letters of a query match nearly everything): two cores
        let parts = ordered.count > 20_000 ? 2 : 1
        let results = UnsafeMutableBufferPointer<(titles: [SearchHit], bodies: [SearchHit])>.allocate(capacity: parts)
        results.initialize(repeating: ([], []))
        defer { results.deinitialize(); results.deallocate() }
        Parallel.forEach(parts, threads: parts) { part in
            let range = part == 0 ? 0..<(ordered.count / parts) : (ordered.count / parts)..<ordered.count
            var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
            for hit in ordered[range] {
                var inTitle = hit.inTitle, all = true
                for term in open {
                    if titles.contains(hit.entry, term) { continue }
                    inTitle = false
                    if !bodies.contains(hit.entry, term) { all = false; break }
                }
                guard all else { continue }
                let kept = SearchHit(ref: hit.ref, entry: hit.entry, inTitle: inTitle)
                if inTitle { titleHits.append(kept) } else { bodyHits.append(kept) }
            }
            results[part] = (titleHits, bodyHits)
        }
        return results.flatMap(\.titles) + results.flatMap(\.bodies)
    }
}
