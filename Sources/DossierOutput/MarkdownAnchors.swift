import DossierCore

/// Headings' anchors as GitHub makes them (github-slugger): lower case; every character that is not
/// a letter, mark, number, connector punctuation, space or hyphen removed (accents stay); each
/// space a hyphen; a slug already used gets -1, -2… in document order.
struct GitHubSlugger {
    private var occurrences: [String: Int] = [:]

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .connectorPunctuation:
                out.unicodeScalars.append(scalar)
            default:
                if scalar == " " { out += "-" } else if scalar == "-" { out += "-" }
            }
        }
        return out
    }

    mutating func slug(_ text: String) -> String {
        let original = GitHubSlugger.slug(text)
        var result = original
        while occurrences[result] != nil {
            occurrences[original, default: 0] += 1
            result = original + "-" + String(occurrences[original]!)
        }
        occurrences[result] = 0
        return result
    }
}

/// Makes a generated Markdown document's internal links land where GitHub puts the anchors.
///
/// The document marks the heading a link should reach with a line `<a id="KEY"></a>` right after
/// it; links are written `](#KEY)`. Each such link is rewritten to the heading's GitHub slug; the
/// `<a id>` line is kept (so `#record-id` links from elsewhere still work) only when no heading
/// already has that id, and internal keys (starting with `§`) are always removed. Runs of blank
/// lines become one.
enum MarkdownAnchors {
    static func resolve(_ document: String) -> String {
        let lines = document.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var slugger = GitHubSlugger()
        var slugs = Set<String>()
        var target: [String: String] = [:]
        var lastHeading: String?
        var drop = Set<Int>()
        for (n, line) in lines.enumerated() {
            if let text = headingText(line) {
                let slug = slugger.slug(plain(text))
                slugs.insert(slug)
                lastHeading = slug
            } else if let key = anchorKey(line) {
                if let lastHeading { target[key] = lastHeading }
                if key.hasPrefix("§") { drop.insert(n) }
            } else if !line.isEmpty {
                lastHeading = nil
            }
        }
        for (n, line) in lines.enumerated() where !drop.contains(n) {
            if let key = anchorKey(line), slugs.contains(key) { drop.insert(n) }
        }
        var out = ""
        var blank = false
        for (n, line) in lines.enumerated() where !drop.contains(n) {
            if line.isEmpty {
                if blank { continue }
                blank = true
            } else {
                blank = false
            }
            out += rewriteLinks(line, target) + "\n"
        }
        if out.hasSuffix("\n\n") { out.removeLast() }
        return document.hasSuffix("\n") ? out : String(out.dropLast())
    }

    static func headingText(_ line: String) -> String? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return String(line.dropFirst(hashes + 1))
    }

    static func anchorKey(_ line: String) -> String? {
        guard line.hasPrefix("<a id=\""), line.hasSuffix("\"></a>") else { return nil }
        return String(line.dropFirst(7).dropLast(6))
    }

    /// The heading's text as GitHub renders it: backslash escapes undone.
    static func plain(_ text: String) -> String {
        var out = "", escaped = false
        for character in text {
            if character == "\\" && !escaped { escaped = true; continue }
            escaped = false
            out.append(character)
        }
        return out
    }

    static func rewriteLinks(_ line: String, _ target: [String: String]) -> String {
        guard line.contains("](#") else { return line }
        var out = "", rest = Substring(line)
        while let open = rest.firstRange(of: "](#"), let close = rest[open.upperBound...].firstIndex(of: ")") {
            out += rest[..<open.upperBound]
            let key = String(rest[open.upperBound..<close])
            out += target[key] ?? key
            rest = rest[close...]
        }
        return out + rest
    }
}

extension Strings {
    /// The heading of the overview's numbered references in Markdown.
    static let references = Localized(en: "References", fr: "Références")
}
