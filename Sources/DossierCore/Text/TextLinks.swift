/// `[[id]]` links inside long texts (the overview, and any text declared with `links: true`):
/// the one place they are parsed. The loader checks the ids, the printers number or drop them.
public enum OverviewLinks {
    /// A piece of a text: plain text, or the id of a `[[id]]` link.
    public enum Segment: Sendable, Hashable {
        case text(Substring)
        case link(String)
    }

    /// The text cut into plain pieces and links, in order (an unclosed `[[` is plain text).
    public static func segments(in text: String) -> [Segment] {
        var result: [Segment] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            if open.lowerBound > rest.startIndex { result.append(.text(rest[..<open.lowerBound])) }
            result.append(.link(String(rest[open.upperBound..<close.lowerBound])))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(rest)) }
        return result
    }

    public static func ids(in text: String) -> [String] {
        segments(in: text).compactMap { if case .link(let id) = $0 { return id } else { return nil } }
    }
}
