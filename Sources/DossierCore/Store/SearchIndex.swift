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
        /// The entries holding word w, ascending: postings[postingStarts[w]..<postingStarts[w + 1]].
        private(set) var postingStarts: [UInt32] = [0]
        private(set) var postings: [UInt32] = []
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
                                    for p in Int(postingStarts[word])..<Int(postingStarts[word + 1]) { found[Int(postings[p])] = true }
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
            /// The distinct words of each entry, entry after entry (inverted by `finish`), in
            /// chunks of `chunk`: one array grown by doubling would, at 100k events, hold up to
            /// twice its 15 MB while growing, and the peak is what counts.
            private var entryWords: [[UInt32]] = []
            private var entryWordCount = 0
            private var entryStarts: [UInt32] = []
            private static let chunk = 1 << 16
            private var scratch: [UInt8] = []

            mutating func reserve(entries: Int) { entryStarts.reserveCapacity(entries + 1) }

            /// Starts the next entry.
            mutating func begin() {
                entryStarts.append(UInt32(entryWordCount))
                words.entries += 1
            }

            /// Adds the words of one text, folded, to the current entry (cut at spaces only: a
            /// term, which holds no space, may hold any other byte a text does).
            mutating func add(_ text: String) {
                var folded: [UInt8] = []
                swap(&folded, &scratch) // reused from text to text, out of `self` while `note` runs
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
                    if entryWordCount % Builder.chunk == 0 {
                        entryWords.append([])
                        entryWords[entryWords.count - 1].reserveCapacity(Builder.chunk)
                    }
                    entryWords[entryWords.count - 1].append(UInt32(number))
                    entryWordCount += 1
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
            consuming func finish() -> Words {
                table = []; hashes = []; lastEntry = []; scratch = []
                entryStarts.append(UInt32(entryWordCount))
                var starts = [UInt32](repeating: 0, count: words.wordCount + 1)
                for chunk in entryWords { for word in chunk { starts[Int(word) + 1] += 1 } }
                for w in 0..<words.wordCount { starts[w + 1] += starts[w] }
                var next = starts
                var postings = [UInt32](repeating: 0, count: entryWordCount)
                var entry = 0
                for c in entryWords.indices {
                    let first = c * Builder.chunk
                    for (k, word) in entryWords[c].enumerated() {
                        while Int(entryStarts[entry + 1]) <= first + k { entry += 1 }
                        postings[Int(next[Int(word)])] = UInt32(entry)
                        next[Int(word)] += 1
                    }
                    entryWords[c] = [] // freed as soon as it is inverted
                }
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
                        && memcmp(base + position, p, count) == 0 { return position }
                    offset = position + anchor + 1
                }
                return nil
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
    }

    private let refs: [RecordRef]
    private let titles: Words
    private let bodies: Words

    /// Folds every text of the dossier: titles on one core, the rest on another.
    init(parties: [Party], events: [Event], arguments: [Argument], accords: [Accord], sources: [Source], terms: [Term]) {
        refs = parties.indices.map { .party($0) } + events.indices.map { .event($0) } + arguments.indices.map { .argument($0) }
            + accords.indices.map { .accord($0) } + sources.indices.map { .source($0) } + terms.indices.map { .term($0) }
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
    private static func words(_ place: SearchPlace, _ parties: [Party], _ events: [Event], _ arguments: [Argument],
                              _ accords: [Accord], _ sources: [Source], _ terms: [Term]) -> Words {
        var builder = Words.Builder()
        builder.reserve(entries: parties.count + events.count + arguments.count + accords.count + sources.count + terms.count)
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
                let complete = before.hasSuffix(" ") || folded.utf8.count == before.utf8.count
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
