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
/// (case, accents, apostrophes, no-break spaces) and cut at spaces into words; each place (titles,
/// bodies) keeps every distinct folded word once and, for each word, the entries that hold it.
/// A query term can hold no space, so it is found inside a text exactly when it is found inside
/// one of its words: a query costs one fold, a `memchr`-driven scan of the distinct words (a few
/// MB however many records there are) and a walk of the entries of the words that matched.
/// Keeping the words once, not a folded copy of every text, is what keeps the index small: at
/// 100k events it was a 108 MB copy of the texts.
public struct SearchIndex: Sendable {
    /// The folded words of one place of every entry, inverted.
    struct Words: Sendable {
        /// Every distinct word once, each followed by a NUL (so a term cannot match across two).
        private(set) var vocabulary: [UInt8] = []
        /// Where word w starts in `vocabulary`; one more start at the end.
        private(set) var wordStarts: [UInt32] = [0]
        /// The entries holding word w, ascending, in postings[postingStarts[w]..<postingStarts[w + 1]]:
        /// each as its distance from the one before (the first from -1), seven bits a byte, high
        /// bit set on every byte but a number's last. Most distances take one byte where a
        /// number would take four: at 100k events, 12 MB instead of 29.
        private(set) var postingStarts: [UInt32] = [0]
        private(set) var postings: [UInt8] = []
        private(set) var entries = 0

        var wordCount: Int { wordStarts.count - 1 }

        /// Marks the entries holding a word that contains `needle`.
        func mark(_ needle: Needle, into found: inout [Bool]) {
            vocabulary.withUnsafeBufferPointer { vocabulary in
                wordStarts.withUnsafeBufferPointer { starts in
                    postingStarts.withUnsafeBufferPointer { postingStarts in
                        postings.withUnsafeBufferPointer { postings in
                            found.withUnsafeMutableBufferPointer { found in
                                var offset = 0
                                while let position = Needle.find(needle, in: vocabulary, from: offset, to: vocabulary.count) {
                                    let word = SearchIndex.Words.word(at: position, starts: starts)
                                    var p = Int(postingStarts[word]), entry = -1
                                    let end = Int(postingStarts[word + 1])
                                    while p < end {
                                        entry += Builder.unpack(postings, at: &p)
                                        found[entry] = true
                                    }
                                    // one match per word is enough: go on from the next word
                                    offset = Int(starts[word + 1])
                                }
                            }
                        }
                    }
                }
            }
        }

        /// The word whose bytes hold `offset`.
        private static func word(at offset: Int, starts: UnsafeBufferPointer<UInt32>) -> Int {
            var low = 0, high = starts.count - 2
            while low < high {
                let mid = (low + high + 1) / 2
                if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
            }
            return low
        }

        /// Builds the words of entries given one after another: `begin()`, then `add` each text.
        struct Builder {
            var words = Words()
            /// Open addressing over word numbers (-1: empty), by `hashes`.
            private var table = [Int32](repeating: -1, count: 1 << 12)
            private var hashes: [UInt32] = []
            /// The last entry each word was seen in, so an entry lists a word once.
            private var lastEntry: [Int32] = []
            /// The distinct words of each entry, entry after entry (inverted by `finish`): word
            /// numbers plus one, with a 0 before each entry but the first, packed as `postings` are,
            /// in blocks of pages of their own, which go back to the system as soon as each is
            /// read (freed to malloc, they stayed resident beside the postings being filled: the
            /// 100k index's peak was 20 MB higher).
            private var entryWords: [PageBlock?] = []
            private static let chunk = 1 << 20
            private var scratch: [UInt8] = []

            /// Starts the next entry.
            mutating func begin() {
                if words.entries > 0 { put(0) }
                words.entries += 1
            }

            /// Adds the words of one text, folded, to the current entry (cut at spaces only: a
            /// term, which holds no space, may hold any other byte a text does).
            mutating func add(_ text: String) {
                var folded: [UInt8] = []
                swap(&folded, &scratch)  // reused from text to text, out of `self` while `note` runs
                defer { swap(&folded, &scratch) }
                folded.removeAll(keepingCapacity: true)
                TextFold.fold(text, into: &folded)
                let entry = Int32(words.entries - 1)
                folded.withUnsafeBufferPointer { bytes in
                    guard let base = bytes.baseAddress else { return }
                    var i = 0
                    let count = bytes.count
                    while i < count {
                        while i < count && bytes[i] == 0x20 { i += 1 }
                        let start = i
                        while i < count && bytes[i] != 0x20 { i += 1 }
                        if i > start { note(base + start, i - start, in: entry) }
                    }
                }
            }

            private mutating func note(_ word: UnsafePointer<UInt8>, _ count: Int, in entry: Int32) {
                let number = self.number(of: word, count)
                if lastEntry[number] != entry {
                    lastEntry[number] = entry
                    put(number + 1)
                }
            }

            /// The word's number, given it a new one if it is new.
            private mutating func number(of word: UnsafePointer<UInt8>, _ count: Int) -> Int {
                var hash: UInt32 = 2_166_136_261
                for i in 0..<count { hash = (hash ^ UInt32(word[i])) &* 16_777_619 }
                let mask = table.count - 1
                var slot = Int(hash) & mask
                while true {
                    let found = Int(table[slot])
                    if found < 0 { break }
                    if hashes[found] == hash {
                        let start = Int(words.wordStarts[found]), length = Int(words.wordStarts[found + 1]) - start - 1
                        if length == count && words.vocabulary.withUnsafeBufferPointer({ memcmp($0.baseAddress! + start, word, count) }) == 0 {
                            return found
                        }
                    }
                    slot = (slot + 1) & mask
                }
                let number = hashes.count
                table[slot] = Int32(number)
                hashes.append(hash)
                lastEntry.append(-1)
                words.vocabulary.append(contentsOf: UnsafeBufferPointer(start: word, count: count))
                words.vocabulary.append(0)
                words.wordStarts.append(UInt32(words.vocabulary.count))
                if hashes.count * 2 > table.count { grow() }
                return number
            }

            private mutating func grow() {
                table = [Int32](repeating: -1, count: table.count * 2)
                let mask = table.count - 1
                for (number, hash) in hashes.enumerated() {
                    var slot = Int(hash) & mask
                    while table[slot] >= 0 { slot = (slot + 1) & mask }
                    table[slot] = Int32(number)
                }
            }

            /// The words with, for each, the entries that hold it (a counting sort of the entries'
            /// words, so each word's entries come out ascending).
            private mutating func put(_ value: Int) {
                if entryWords.isEmpty || entryWords[entryWords.count - 1]!.count + 5 > Builder.chunk {
                    entryWords.append(PageBlock(capacity: Builder.chunk))
                }
                let block = entryWords[entryWords.count - 1]!
                Builder.pack(value) { block.append($0) }
            }

            /// `value` seven bits a byte, low bits first, the high bit set on all but the last.
            private static func pack(_ value: Int, _ byte: (UInt8) -> Void) {
                var value = value
                while value >= 0x80 {
                    byte(UInt8(value & 0x7F) | 0x80)
                    value >>= 7
                }
                byte(UInt8(value))
            }

            /// The number `pack` wrote at `bytes[p]`; moves `p` past it.
            @inline(__always)
            static func unpack(_ bytes: UnsafeBufferPointer<UInt8>, at p: inout Int) -> Int {
                var value = 0, shift = 0
                while true {
                    let byte = bytes[p]
                    p += 1
                    value |= Int(byte & 0x7F) << shift
                    if byte < 0x80 { return value }
                    shift += 7
                }
            }

            /// Calls `body(entry, word)` for each word of each entry, in entry order; with
            /// `freeing`, each chunk is freed once read.
            private mutating func walk(freeing: Bool, _ body: (Int, Int) -> Void) {
                var entry = 0
                for c in entryWords.indices {
                    if let block = entryWords[c] {
                        let bytes = block.bytes
                        var p = 0
                        while p < bytes.count {
                            let value = Builder.unpack(bytes, at: &p)
                            if value == 0 { entry += 1 } else { body(entry, value - 1) }
                        }
                    }
                    if freeing { entryWords[c] = nil }
                }
            }

            /// The words with, for each, the entries that hold it: the entries' words are read
            /// twice, once to size each word's list and once to fill it.
            consuming func finish() -> Words {
                table = []; hashes = []; scratch = []
                let count = words.wordCount
                var last = [Int](repeating: -1, count: count)
                var starts = [UInt32](repeating: 0, count: count + 1)
                walk(freeing: false) { entry, word in
                    Builder.pack(entry - last[word]) { _ in starts[word + 1] += 1 }
                    last[word] = entry
                }
                for w in 0..<count { starts[w + 1] += starts[w] }
                var next = starts.map(Int.init)
                for w in 0..<count { last[w] = -1 }
                // left uninitialised until written: its pages become resident as the entries'
                // words are read and freed, not all at once beside them
                let total = Int(starts[count])
                let postings = [UInt8](unsafeUninitializedCapacity: total) { postings, initialized in
                    walk(freeing: true) { entry, word in
                        Builder.pack(entry - last[word]) {
                            postings[next[word]] = $0; next[word] += 1
                        }
                        last[word] = entry
                    }
                    initialized = total
                }
                lastEntry = []
                var built = words
                built.postingStarts = starts
                built.postings = postings
                return built
            }
        }
    }

    /// A folded search term and the position of its rarest byte, found once per query.
    struct Needle {
        let bytes: [UInt8]
        let anchor: Int

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            anchor = bytes.indices.min { Needle.frequency[Int(bytes[$0])] < Needle.frequency[Int(bytes[$1])] } ?? 0
        }

        /// The first position of `needle` in haystack[from..<to]. `memchr` looks for the needle's
        /// rarest letter rather than its first, so common letters do not stop the scan every few
        /// bytes; the first and last letters are compared before the whole needle.
        static func find(_ needle: Needle, in haystack: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
            let count = needle.bytes.count
            guard count > 0, to - from >= count, let base = haystack.baseAddress else { return nil }
            let anchor = needle.anchor
            return needle.bytes.withUnsafeBufferPointer { pattern -> Int? in
                guard let p = pattern.baseAddress else { return nil }
                let key = Int32(pattern[anchor]), first = pattern[0], final = pattern[count - 1]
                // candidates: the anchor byte at position + anchor, for positions from..(to - count)
                var offset = from + anchor
                let last = to - count + anchor
                while offset <= last {
                    guard let hit = memchr(base + offset, key, last - offset + 1) else { return nil }
                    let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) - anchor
                    if base[position] == first && base[position + count - 1] == final
                        && memcmp(base + position, p, count) == 0
                    {
                        return position
                    }
                    offset = position + anchor + 1
                }
                return nil
            }
        }

        /// How common each byte is in English and French text (per mille, roughly); rare bytes make
        /// the best anchors.
        static let frequency: [Int] = {
            var table = [Int](repeating: 5, count: 256)
            let letters: [(Character, Int)] = [
                ("e", 140), ("a", 80), ("s", 75), ("i", 72), ("t", 72), ("n", 70), ("r", 65),
                ("o", 62), ("u", 45), ("l", 45), ("d", 38), ("c", 33), ("m", 28), ("p", 27),
                ("h", 25), ("g", 15), ("f", 15), ("v", 12), ("b", 12), ("y", 10), ("w", 8),
                ("q", 6), ("k", 4), ("x", 3), ("j", 3), ("z", 2),
            ]
            for (letter, count) in letters { table[Int(letter.asciiValue!)] = count }
            table[0x20] = 160
            table[0x27] = 8
            return table
        }()
    }

    /// The records in entry order: parties, events, arguments, accords, sources, terms, each
    /// kind in store order (told by the counts, not kept as one reference per record).
    private let refs: Entries

    struct Entries: Sendable {
        /// Where each kind's entries end, in that order.
        let ends: [Int]
        var count: Int { ends.last ?? 0 }
        var indices: Range<Int> { 0..<count }

        init(_ counts: [Int]) {
            var total = 0
            ends = counts.map {
                total += $0; return total
            }
        }

        subscript(entry: Int) -> RecordRef {
            if entry < ends[0] { return .party(entry) }
            if entry < ends[1] { return .event(entry - ends[0]) }
            if entry < ends[2] { return .argument(entry - ends[1]) }
            if entry < ends[3] { return .accord(entry - ends[2]) }
            if entry < ends[4] { return .source(entry - ends[3]) }
            if entry < ends[5] { return .term(entry - ends[4]) }
            preconditionFailure("entry \(entry) is past the index")
        }
    }
    private let titles: Words
    private let bodies: Words

    /// Folds every text of the dossier: titles on one core, the rest on another.
    init(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source], terms: [Term]) {
        refs = Entries([parties.count, events.count, arguments.count, accords.count, sources.count, terms.count])
        let places = UnsafeMutableBufferPointer<Words>.allocate(capacity: 2)
        places.initialize(repeating: Words())
        defer { places.deinitialize(); places.deallocate() }
        Parallel.forEach(2) { part in
            places[part] = SearchIndex.words(part == 0 ? .title : .body, parties, events, arguments, accords, sources, terms)
        }
        titles = places[0]
        bodies = places[1]
        // the builders' tables and lists, freed, go back to the system rather than stay resident
        DossierLoader.returnFreedMemory()
    }

    /// One entry per record, in `refs` order, of the texts its kind's fields put in `place`
    /// (titles also hold the id): names, titles, claims and ids, whose hits rank first, or every
    /// other text of each record.
    private static func words(
        _ place: SearchPlace, _ parties: [Party], _ events: [Event], _ arguments: [Argument],
        _ accords: [Accord], _ sources: [Source], _ terms: [Term]
    ) -> Words {
        var builder = Words.Builder()
        add(place, parties, to: &builder)
        add(place, events, to: &builder)
        add(place, arguments, to: &builder)
        add(place, accords, to: &builder)
        add(place, sources, to: &builder)
        add(place, terms, to: &builder)
        return builder.finish()
    }

    /// The text closures of the fields `R` puts in `place`, taken out of the table once: copying
    /// a whole `Field` per record and field costs a retain per closure it holds.
    private static func texts<R: DossierRecord>(_ place: SearchPlace, _ type: R.Type) -> [@Sendable (R, (String) -> Void) -> Void] {
        R.fields.filter { $0.search == place }.map(\.texts)
    }

    private static func add<R: DossierRecord>(_ place: SearchPlace, _ records: [R], to builder: inout Words.Builder) {
        let texts = texts(place, R.self)
        records.withUnsafeBufferPointer { records in
            for i in records.indices {
                builder.begin()
                // a link counts by the words it shows, as on the page, not by its target's id
                for text in texts { text(records[i]) { builder.add(OverviewLinks.plain($0) { $0 }) } }
                if place == .title { builder.add(records[i].id) }
            }
        }
    }

    /// Which entries hold `term` in their titles and in their bodies: titles on one core,
    /// bodies on the other.
    private func marks(_ term: Needle) -> (title: [Bool], body: [Bool]) {
        let found = UnsafeMutableBufferPointer<[Bool]>.allocate(capacity: 2)
        found.initialize(repeating: [])
        defer { found.deinitialize(); found.deallocate() }
        Parallel.forEach(2) { part in
            var marks = [Bool](repeating: false, count: refs.count)
            (part == 0 ? titles : bodies).mark(term, into: &marks)
            found[part] = marks
        }
        return (found[0], found[1])
    }

    /// Records containing every word of `query`, title hits first, then in kind and dossier order.
    /// With `previous` (a query this one extends, as typing does, and its hits), only those hits
    /// are kept, and only the words that changed are looked up: a longer query can only match
    /// fewer records.
    public func search(_ query: String, extending previous: (query: String, hits: [SearchHit])? = nil) -> [SearchHit] {
        let folded = TextFold.fold(query)
        let terms = folded.split(separator: " ").map { Needle(Array($0.utf8)) }
        guard !terms.isEmpty else { return [] }
        if let previous {
            let before = TextFold.fold(previous.query)
            let previousTerms = before.split(separator: " ")
            if !previousTerms.isEmpty, folded.hasPrefix(before) {
                // the previous words are settled, except the last one if it may have grown
                let complete =
                    before.hasSuffix(" ") || folded.utf8.count == before.utf8.count
                    || folded.utf8[folded.utf8.index(folded.utf8.startIndex, offsetBy: before.utf8.count)] == 0x20
                return narrow(previous.hits, terms: terms, settled: min(terms.count, previousTerms.count - (complete ? 0 : 1)))
            }
        }
        var inTitle = [Bool](repeating: true, count: refs.count)
        var inAny = [Bool](repeating: true, count: refs.count)
        for term in terms {
            let (title, body) = marks(term)
            for i in refs.indices {
                inTitle[i] = inTitle[i] && title[i]
                inAny[i] = inAny[i] && (title[i] || body[i])
            }
        }
        var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
        for i in refs.indices where inAny[i] {
            if inTitle[i] {
                titleHits.append(SearchHit(ref: refs[i], entry: i, inTitle: true))
            } else {
                bodyHits.append(SearchHit(ref: refs[i], entry: i, inTitle: false))
            }
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
            if b >= hits.count || (t < split && hits[t].entry < hits[b].entry) { ordered.append(hits[t]); t += 1 } else { ordered.append(hits[b]); b += 1 }
        }
        // the entries of each open term's words, looked up once for all the hits
        let found = open.map(marks)
        var titleHits: [SearchHit] = [], bodyHits: [SearchHit] = []
        for hit in ordered {
            var inTitle = hit.inTitle, all = true
            for term in found {
                if term.title[hit.entry] { continue }
                inTitle = false
                if !term.body[hit.entry] { all = false; break }
            }
            guard all else { continue }
            let kept = SearchHit(ref: hit.ref, entry: hit.entry, inTitle: inTitle)
            if inTitle { titleHits.append(kept) } else { bodyHits.append(kept) }
        }
        return titleHits + bodyHits
    }
}

/// Bytes on pages of their own (`mmap`), unmapped when the block is freed: memory that returns to
/// the system at once instead of staying with malloc until a trim.
final class PageBlock {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        let pages = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        precondition(pages != MAP_FAILED, "out of memory")
        base = pages!.assumingMemoryBound(to: UInt8.self)
    }

    deinit { munmap(base, capacity) }

    func append(_ byte: UInt8) {
        precondition(count < capacity)
        base[count] = byte
        count += 1
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
}
