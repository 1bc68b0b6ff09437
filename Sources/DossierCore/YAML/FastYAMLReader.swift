#if canImport(Glibc)
import Glibc
#endif

/// A fast reader for the plain subset of YAML that dossiers are written in: block mappings and
/// sequences, one-line flow collections (`[a, b]`, `{k: v}`), plain, single- and double-quoted
/// one-line texts, and literal blocks (`|`, `|-`, `|+`), with comments and blank lines.
///
/// It exists for speed (libyaml allocates for every token and event, and large dossiers spend most
/// of their load time there) and is deliberately narrow: on anything outside that subset, or
/// anything it is not sure libyaml would read the same way — a tab, a carriage return, an
/// anchor, a multi-line plain text, an empty value, a key longer than libyaml's limit of 1,024
/// characters, any error at all — it gives up and says so, and the caller reads the file with
/// libyaml, the reference, which also writes every error message. The tree it builds, marks included, must equal libyaml's: a test and the fuzzer
/// compare them.
enum FastYAMLReader {
    enum Outcome {
        case parsed(YAMLNode?)
        /// Outside the subset (or invalid): read it with libyaml.
        case unsupported
    }

    /// With `records`, see `RecordSink`. When the outcome is `.unsupported`, the sink may already
    /// have been given some records: the caller starts again from scratch with libyaml.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, limits: YAMLLimits, records: RecordSink? = nil) -> Outcome {
        let bytes = YAMLParser.withoutByteOrderMark(input)
        guard let base = bytes.baseAddress, bytes.count > 0 else { return .parsed(nil) }
        guard PlainText.check(bytes) else { return .unsupported }
        var reader = FastYAMLLineReader(base: base, count: bytes.count, builder: TreeBuilder(limits: limits, records: records))
        do throws(Unsupported) {
            return .parsed(try reader.document())
        } catch {
            return .unsupported
        }
    }
}

struct Unsupported: Error {}

/// The characters the fast reader accepts: valid UTF-8 that libyaml reads as printable text, with
/// LF as the only line break and no tabs. (libyaml also allows tabs, CR, NEL, LS and PS, whose
/// rules the fast reader does not follow; it refuses C0 and C1 controls, DEL, U+FEFF inside the
/// text, U+FFFE and U+FFFF.)
enum PlainText {
    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        let base = bytes.baseAddress!
        var i = 0
        while i < count {
            // eight printable ASCII bytes at a time: none below 0x20, none 0x7F or above
            if i + 8 <= count, PrintableASCII.word(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let b = base[i]
            if b < 0x80 {
                if (b < 0x20 && b != 0x0A) || b == 0x7F { return false }
                i += 1
                continue
            }
            guard let (scalar, length) = decode(base, i, count) else { return false }
            switch scalar {
            case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return false
            default: break
            }
            i += length
        }
        return true
    }

    /// One UTF-8 sequence at `i`: the scalar and its length, or nil if it is not valid UTF-8
    /// (overlong forms, surrogates and values above U+10FFFF included).
    static func decode(_ base: UnsafePointer<UInt8>, _ i: Int, _ count: Int) -> (UInt32, Int)? {
        let b0 = UInt32(base[i])
        func continuation(_ k: Int) -> UInt32? {
            guard i + k < count else { return nil }
            let b = base[i + k]
            return b & 0xC0 == 0x80 ? UInt32(b & 0x3F) : nil
        }
        switch b0 {
        case 0xC2...0xDF:
            guard let c1 = continuation(1) else { return nil }
            return ((b0 & 0x1F) << 6 | c1, 2)
        case 0xE0...0xEF:
            guard let c1 = continuation(1), let c2 = continuation(2) else { return nil }
            let v = (b0 & 0x0F) << 12 | c1 << 6 | c2
            guard v >= 0x800, !(0xD800...0xDFFF).contains(v) else { return nil }
            return (v, 3)
        case 0xF0...0xF4:
            guard let c1 = continuation(1), let c2 = continuation(2), let c3 = continuation(3) else { return nil }
            let v = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            guard v >= 0x10000, v <= 0x10FFFF else { return nil }
            return (v, 4)
        default:
            return nil
        }
    }
}

/// The reader proper: recursive descent over lines (block structure here; one-line flow
/// collections, quoted texts, literal blocks and values in FastYAMLReader+Scalars.swift). Positions are byte offsets; marks count lines
/// from 1 and columns in characters from 1, as libyaml does.
struct FastYAMLLineReader {
    let base: UnsafePointer<UInt8>
    let count: Int
    var builder: TreeBuilder
    var position = 0
    var line = 1
    var lineStart = 0
    /// The last column computed on the current line, so that marks along a long line cost a
    /// single pass over it.
    var columnCache = (position: 0, column: 1)
    /// Where texts with escapes are decoded.
    var scratch: [UInt8] = []

    init(base: UnsafePointer<UInt8>, count: Int, builder: TreeBuilder) {
        self.base = base
        self.count = count
        self.builder = builder
    }

    // MARK: characters and lines

    func byte(_ at: Int) -> UInt8 { at < count ? base[at] : 0 }
    var current: UInt8 { byte(position) }
    var atEnd: Bool { position >= count }

    mutating func mark(_ at: Int) -> SourceMark {
        if columnCache.position < lineStart || columnCache.position > at {
            columnCache = (lineStart, 1)
        }
        var column = columnCache.column
        // a column per character: count the bytes that are not UTF-8 continuations, eight at a time
        var i = columnCache.position
        while i + 8 <= at {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            let continuations = (word & 0x8080_8080_8080_8080) & ~(word << 1)
            column += 8 - continuations.nonzeroBitCount
            i += 8
        }
        while i < at {
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        columnCache = (at, column)
        return SourceMark(line: line, column: column)
    }

    mutating func newLine() {
        // at a line feed
        position += 1
        line += 1
        lineStart = position
    }

    func isBlankOrEnd(_ at: Int) -> Bool { at >= count || base[at] == 0x20 || base[at] == 0x0A }

    /// Skips blank and comment-only lines; stops at the first character of the next content line
    /// (or the end). Returns that line's indentation.
    mutating func skipToContent() -> Int {
        while !atEnd {
            var i = position
            while i < count && base[i] == 0x20 { i += 1 }
            if i >= count { position = count; return 0 }
            if base[i] == 0x0A { position = i; newLine(); continue }
            if base[i] == 0x23 {  // # comment line
                while i < count && base[i] != 0x0A { i += 1 }
                position = i
                if !atEnd { newLine() }
                continue
            }
            position = i
            return i - lineStart
        }
        return 0
    }

    /// After a value: spaces, an optional comment, then the end of the line.
    mutating func endOfLine() throws(Unsupported) {
        while current == 0x20 { position += 1 }
        if current == 0x23 {
            // a comment needs a space before it
            guard position > 0, base[position - 1] == 0x20 else { throw Unsupported() }
            while !atEnd && current != 0x0A { position += 1 }
        }
        if atEnd { return }
        guard current == 0x0A else { throw Unsupported() }
        newLine()
    }

    // MARK: block structure

    mutating func document() throws(Unsupported) -> YAMLNode? {
        let indent = skipToContent()
        if atEnd { return nil }
        try blockNode(indent: indent)
        _ = skipToContent()
        guard atEnd, builder.stack.isEmpty else { throw Unsupported() }
        return builder.root
    }

    /// A block mapping or sequence whose first line starts here, at `indent`.
    mutating func blockNode(indent: Int) throws(Unsupported) {
        if isSequenceEntry(position) {
            try blockSequence(indent: indent)
        } else if keyEnd(position) != nil {
            try blockMapping(indent: indent)
        } else {
            throw Unsupported()
        }
    }

    func isSequenceEntry(_ at: Int) -> Bool { byte(at) == 0x2D && isBlankOrEnd(at + 1) }

    /// libyaml's limit on a simple key (one without `?`): more than 1,024 characters from the
    /// key's start to its colon is an error there ("mapping values are not allowed in this
    /// context" in a block, "did not find expected ',' or '}'" in a flow mapping). The fast
    /// reader leaves such a key to libyaml, so that libyaml writes that error.
    static let maxSimpleKeyLength = 1024

    /// Whether the key from `start` to the colon at `colon` is within libyaml's limit, counted in
    /// characters as libyaml counts (UTF-8 continuation bytes are not characters).
    func isShortKey(from start: Int, colon: Int) -> Bool {
        if colon - start <= FastYAMLLineReader.maxSimpleKeyLength { return true }
        var characters = 0
        for at in start..<colon where base[at] & 0xC0 != 0x80 { characters += 1 }
        return characters <= FastYAMLLineReader.maxSimpleKeyLength
    }

    /// A plain key (letters, digits, `_`, `-`; starting with a letter, digit or `_`) followed by
    /// `:` and a space or the end of the line: returns where the colon is.
    func keyEnd(_ at: Int) -> Int? {
        guard at < count, isKeyStart(base[at]) else { return nil }
        var i = at + 1
        while i < count, isKeyStart(base[i]) || base[i] == 0x2D { i += 1 }
        guard byte(i) == 0x3A, isBlankOrEnd(i + 1) else { return nil }
        return i
    }

    func isKeyStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    mutating func blockSequence(indent: Int) throws(Unsupported) {
        try begin(mapping: false)
        while true {
            position += 1  // the dash
            if current == 0x20 { while current == 0x20 { position += 1 } }
            if atEnd || current == 0x0A || current == 0x23 {
                // the item starts on a following line, indented further
                try endOfLine()
                let inner = skipToContent()
                guard !atEnd, inner > indent else { throw Unsupported() }
                try blockNode(indent: inner)
            } else if isSequenceEntry(position) {
                throw Unsupported()  // "- - a"
            } else if keyEnd(position) != nil {
                // "- key: value": a mapping indented to the key
                try blockMapping(indent: position - lineStart)
            } else {
                try inlineValue(parentIndent: indent)
            }
            let next = skipToContent()
            if atEnd || next < indent { break }
            guard next == indent else { throw Unsupported() }
            if !isSequenceEntry(position) {
                // a key at the sequence's indentation ends an indentless sequence ("key:\n- a")
                break
            }
        }
        try end()
    }

    mutating func blockMapping(indent: Int) throws(Unsupported) {
        try begin(mapping: true)
        while true {
            guard let colon = keyEnd(position), isShortKey(from: position, colon: colon) else { throw Unsupported() }
            try scalar(from: position, to: colon, mark: mark(position))
            position = colon + 1
            while current == 0x20 { position += 1 }
            if atEnd || current == 0x0A || current == 0x23 {
                try endOfLine()
                let inner = skipToContent()
                if !atEnd && inner > indent {
                    try blockNode(indent: inner)
                } else if !atEnd && inner == indent && isSequenceEntry(position) {
                    try blockSequence(indent: indent)
                } else {
                    throw Unsupported()  // an empty value
                }
            } else {
                try inlineValue(parentIndent: indent)
            }
            let next = skipToContent()
            if atEnd || next < indent { break }
            guard next == indent, !isSequenceEntry(position) else { throw Unsupported() }
        }
        try end()
    }

    /// A value that starts on the current line, after `key: ` or `- `; consumes the line.
    mutating func inlineValue(parentIndent: Int) throws(Unsupported) {
        switch current {
        case 0x22: try doubleQuoted(); try endOfLine()
        case 0x27: try singleQuoted(); try endOfLine()
        case 0x5B, 0x7B: try flowNode(); try endOfLine()
        case 0x7C: try literalBlock(parentIndent: parentIndent)
        default: try blockPlain()
        }
    }

    /// A one-line plain text in block context, up to a comment or the end of the line.
    mutating func blockPlain() throws(Unsupported) {
        let start = position
        guard !isIndicator(current) else { throw Unsupported() }
        var end = start
        while !atEnd && current != 0x0A {
            let b = current
            if b == 0x3A && isBlankOrEnd(position + 1) { throw Unsupported() }  // "a: b" would be a mapping
            if b == 0x23 && base[position - 1] == 0x20 { break }  // a comment
            position += 1
            if b != 0x20 { end = position }
        }
        try scalar(from: start, to: end, mark: mark(start))
        position = end
        try endOfLine()
    }

    /// Characters that cannot start a plain text (or that the fast reader leaves to libyaml).
    func isIndicator(_ b: UInt8) -> Bool {
        switch b {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25, 0x40, 0x60,
            0x20, 0x0A:
            return true
        default:
            return false
        }
    }
}
