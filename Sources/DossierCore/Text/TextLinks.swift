#if canImport(Glibc)
import Glibc
#endif

/// `[[id]]` and `[[id|shown words]]` links inside long texts (any text declared with
/// `links: true`): the one place they are parsed. `[[id]]` stands for the target's name;
/// `[[id|words]]` shows the words (so a sentence keeps its grammar in each language). The loader
/// checks the ids; each output decides how a link looks.
public enum OverviewLinks {
    /// A piece of a text: plain text, or a link to a record id, with the words it shows if given.
    public enum Segment: Sendable, Hashable {
        case text(Substring)
        case link(String, label: Substring?)

        /// A link without shown words (`[[id]]`).
        public static func link(_ id: String) -> Segment { .link(id, label: nil) }
    }

    /// The text cut into plain pieces and links, in order (an unclosed `[[` is plain text).
    /// The brackets are found in the UTF-8 bytes (they are ASCII): searching by characters cost
    /// the search index more than folding the texts.
    public static func segments(in text: String) -> [Segment] {
        guard mayHoldLinks(text) else { return text.isEmpty ? [] : [.text(Substring(text))] }
        let bytes = text.utf8
        /// Where the next pair `cc` starts at or after `from`, if any.
        func pair(_ c: UInt8, from: String.Index) -> String.Index? {
            var i = from
            while i < bytes.endIndex {
                if bytes[i] == c {
                    let next = bytes.index(after: i)
                    if next < bytes.endIndex, bytes[next] == c { return i }
                }
                i = bytes.index(after: i)
            }
            return nil
        }
        var result: [Segment] = []
        var rest = text.startIndex
        while let open = pair(0x5B, from: rest), case let inner = bytes.index(open, offsetBy: 2),
            let close = pair(0x5D, from: inner)
        {
            if open > rest { result.append(.text(text[rest..<open])) }
            let inside = text[inner..<close]
            if let bar = inside.utf8.firstIndex(of: 0x7C) {
                let label = inside[inside.utf8.index(after: bar)...]
                result.append(.link(String(inside[..<bar]), label: label.isEmpty ? nil : label))
            } else {
                result.append(.link(String(inside), label: nil))
            }
            rest = bytes.index(close, offsetBy: 2)
        }
        if rest < text.endIndex { result.append(.text(text[rest...])) }
        return result
    }

    public static func ids(in text: String) -> [String] {
        guard mayHoldLinks(text) else { return [] }
        return segments(in: text).compactMap { if case .link(let id, _) = $0 { return id } else { return nil } }
    }

    /// False when the text's bytes hold no `[[`, so it has no link: the loader asks this of every
    /// long text, and the byte scan (`memchr` for `[`) is far cheaper than cutting it into
    /// segments by characters (which took about a third of a 100k-event dossier's load).
    static func mayHoldLinks(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var offset = 0
            while offset + 1 < bytes.count, let hit = memchr(base + offset, 0x5B, bytes.count - offset - 1) {
                let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if base[position + 1] == 0x5B { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// The text as a reader sees it without links: each `[[id|words]]` becomes its words and each
    /// `[[id]]` what `name` gives for the id (for search, plain exports and one-line views).
    public static func plain(_ text: String, name: (String) -> String) -> String {
        guard mayHoldLinks(text) else { return text }
        var out = ""
        for segment in segments(in: text) {
            switch segment {
            case .text(let piece): out += piece
            case .link(let id, let label): out += label.map(String.init) ?? name(id)
            }
        }
        return out
    }
}
