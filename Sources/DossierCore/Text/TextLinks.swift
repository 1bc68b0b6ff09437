/// `[[id]]` links inside long texts (the overview, and any text declared with `links: true`):
/// the one place they are parsed.
public enum OverviewLinks {
    public static func ids(in text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "[["), let close = rest[open.upperBound...].firstRange(of: "]]") {
            result.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        return result
    }
}
