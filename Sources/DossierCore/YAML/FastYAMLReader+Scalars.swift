#if canImport(Glibc)
import Glibc
#endif

/// The fast reader's one-line flow collections, quoted texts, literal blocks, and the values it
/// hands to the tree builder (see `FastYAMLReader`).
extension FastYAMLLineReader {
    // MARK: flow collections (on one line)

    mutating func flowNode() throws(Unsupported) {
        switch current {
        case 0x5B: try flowCollection(mapping: false)
        case 0x7B: try flowCollection(mapping: true)
        case 0x22: try doubleQuoted()
        case 0x27: try singleQuoted()
        default: try flowPlain()
        }
    }

    mutating func flowCollection(mapping: Bool) throws(Unsupported) {
        let close: UInt8 = mapping ? 0x7D : 0x5D
        try begin(mapping: mapping)
        position += 1
        skipSpaces()
        if current == close {
            position += 1
            try end()
            return
        }
        while true {
            if mapping {
                guard current != 0x22, current != 0x27, current != 0x5B, current != 0x7B else { throw Unsupported() }
                let keyStart = position
                try flowPlain()
                guard current == 0x3A, byte(position + 1) == 0x20, isShortKey(from: keyStart, colon: position) else { throw Unsupported() }
                position += 1
                skipSpaces()
            }
            try flowNode()
            skipSpaces()
            if current == 0x2C {
                position += 1
                skipSpaces()
                guard current != close else { throw Unsupported() }  // a trailing comma
                continue
            }
            guard current == close else { throw Unsupported() }
            position += 1
            break
        }
        try end()
    }

    mutating func skipSpaces() { while current == 0x20 { position += 1 } }

    /// A plain text inside `[...]` or `{...}`: up to `,`, a closing bracket, or `: `.
    mutating func flowPlain() throws(Unsupported) {
        let start = position
        guard !isIndicator(current) else { throw Unsupported() }
        var end = start
        scan: while !atEnd {
            switch current {
            case 0x0A: throw Unsupported()  // the collection goes on to another line
            case 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: break scan
            case 0x3A:
                guard byte(position + 1) == 0x20 else { throw Unsupported() }
                break scan
            case 0x23:
                if base[position - 1] == 0x20 { throw Unsupported() }
            case 0x20:
                position += 1
                continue scan
            default: break
            }
            position += 1
            end = position
        }
        try scalar(from: start, to: end, mark: mark(start))
        position = end
        skipSpaces()
    }

    // MARK: quoted texts (on one line)

    mutating func singleQuoted() throws(Unsupported) {
        let start = position
        position += 1
        scratch.removeAll(keepingCapacity: true)
        var run = position
        var simple = true
        while true {
            guard !atEnd, current != 0x0A else { throw Unsupported() }
            if current == 0x27 {
                if byte(position + 1) == 0x27 {
                    simple = false
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + run, count: position + 1 - run))
                    position += 2
                    run = position
                    continue
                }
                break
            }
            position += 1
        }
        try closeQuoted(start: start, run: run, simple: simple)
    }

    mutating func doubleQuoted() throws(Unsupported) {
        let start = position
        // most texts have no escape: find the closing quote with memchr and take the bytes as they are
        let from = position + 1
        if from < count, let quote = memchr(base + from, 0x22, count - from) {
            let close = from + (UnsafeRawPointer(quote) - UnsafeRawPointer(base + from))
            if memchr(base + from, 0x5C, close - from) == nil && memchr(base + from, 0x0A, close - from) == nil {
                let mark = mark(start)
                try scalar(from: from, to: close, mark: mark)
                position = close + 1
                return
            }
        }
        position += 1
        var run = position
        var simple = true
        scratch.removeAll(keepingCapacity: true)
        while true {
            guard !atEnd, current != 0x0A else { throw Unsupported() }
            let b = current
            if b == 0x22 { break }
            if b != 0x5C { position += 1; continue }
            simple = false
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + run, count: position - run))
            position += 1
            try escape()
            run = position
        }
        try closeQuoted(start: start, run: run, simple: simple)
    }

    /// At the closing quote: the text is the bytes since the opening quote when nothing was
    /// unescaped, else what was gathered in `scratch` plus the last run.
    mutating func closeQuoted(start: Int, run: Int, simple: Bool) throws(Unsupported) {
        let mark = mark(start)
        if simple {
            try scalar(from: run, to: position, mark: mark)
        } else {
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + run, count: position - run))
            try scratchScalar(mark: mark)
        }
        position += 1
    }

    /// The escape after a backslash, as libyaml decodes it.
    mutating func escape() throws(Unsupported) {
        let b = current
        position += 1
        switch b {
        case 0x30: scratch.append(0)
        case 0x61: scratch.append(0x07)
        case 0x62: scratch.append(0x08)
        case 0x74: scratch.append(0x09)
        case 0x6E: scratch.append(0x0A)
        case 0x76: scratch.append(0x0B)
        case 0x66: scratch.append(0x0C)
        case 0x72: scratch.append(0x0D)
        case 0x65: scratch.append(0x1B)
        case 0x20, 0x22, 0x2F, 0x5C: scratch.append(b)
        case 0x4E: append(0x85)
        case 0x5F: append(0xA0)
        case 0x4C: append(0x2028)
        case 0x50: append(0x2029)
        case 0x78: try hexEscape(2)
        case 0x75: try hexEscape(4)
        case 0x55: try hexEscape(8)
        default: throw Unsupported()
        }
    }

    mutating func hexEscape(_ digits: Int) throws(Unsupported) {
        var value: UInt32 = 0
        for _ in 0..<digits {
            let b = current
            let digit: UInt32
            switch b {
            case 0x30...0x39: digit = UInt32(b - 0x30)
            case 0x41...0x46: digit = UInt32(b - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(b - 0x61 + 10)
            default: throw Unsupported()
            }
            value = value << 4 | digit
            position += 1
        }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { throw Unsupported() }
        append(value)
    }

    /// Appends one code point as UTF-8 (escapes are checked to be scalar values first).
    mutating func append(_ v: UInt32) {
        UTF8.encode(Unicode.Scalar(v)!) { scratch.append($0) }
    }

    // MARK: literal blocks

    /// `|`, `|-` or `|+` at the end of its line, then lines indented deeper than the parent.
    mutating func literalBlock(parentIndent: Int) throws(Unsupported) {
        let start = mark(position)
        position += 1
        var chomp: UInt8 = 0
        if current == 0x2D || current == 0x2B { chomp = current; position += 1 }
        skipSpaces()
        guard !atEnd, current == 0x0A else { throw Unsupported() }  // indentation digits, comments
        newLine()
        // the first line sets the indentation; leading blank lines are left to libyaml
        var first = position
        while first < count && base[first] == 0x20 { first += 1 }
        let indent = first - position
        guard first < count, base[first] != 0x0A, indent > parentIndent else { throw Unsupported() }
        scratch.removeAll(keepingCapacity: true)
        var trailingBreaks = 0
        while !atEnd {
            var i = position
            while i < count && base[i] == 0x20 && i - position < indent { i += 1 }
            if i >= count { throw Unsupported() }  // spaces, then the end of the file
            if base[i] == 0x0A {
                if i - position > indent { throw Unsupported() }
                trailingBreaks += 1
                position = i
                newLine()
                continue
            }
            if i - position < indent { break }  // a less indented line ends the block
            var end = i
            while end < count && base[end] != 0x0A { end += 1 }
            guard end < count else { throw Unsupported() }  // no line break after the last line
            for _ in 0..<trailingBreaks { scratch.append(0x0A) }
            trailingBreaks = 0
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + i, count: end - i))
            scratch.append(0x0A)
            position = end
            newLine()
        }
        if !atEnd {
            // the block ended on a less indented line: the caller reads it
            position = lineStart
        }
        switch chomp {
        case 0x2D: scratch.removeLast()
        case 0x2B: for _ in 0..<trailingBreaks { scratch.append(0x0A) }
        default: break
        }
        try scratchScalar(mark: start)
    }

    // MARK: values

    /// The fast reader gives up on any error: libyaml reads the file again and reports it.
    mutating func begin(mapping: Bool) throws(Unsupported) {
        let mark = mark(position)
        do { try builder.startCollection(mapping: mapping, mark: mark) } catch { throw Unsupported() }
    }

    mutating func end() throws(Unsupported) {
        do { try builder.endCollection() } catch { throw Unsupported() }
    }

    mutating func scalar(from: Int, to: Int, mark: SourceMark) throws(Unsupported) {
        do {
            try builder.scalar(UnsafeBufferPointer(start: base + from, count: to - from), mark: mark)
        } catch {
            throw Unsupported()  // libyaml reads the file again and reports it
        }
    }

    mutating func scratchScalar(mark: SourceMark) throws(Unsupported) {
        let result: Bool = scratch.withUnsafeBufferPointer { buffer in
            do { try builder.scalar(buffer, mark: mark); return true } catch { return false }
        }
        guard result else { throw Unsupported() }
    }
}
