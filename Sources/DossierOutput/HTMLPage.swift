import DossierCore

/// The whole dossier as one self-contained HTML page to share with people who will never open a
/// terminal: no network load of any kind (one inline style, one inline script, both allowed by
/// their SHA-256 in the page's Content-Security-Policy, which forbids everything else), both
/// languages embedded (a switch shows the other; the default is `--lang`), a search box that
/// filters records as the explorer's search does, and a print stylesheet.
///
/// Every record is one element whose `id` is the record's id, so every `#id` link lands. Every
/// text from the data goes through `HTMLPage.escape` (and a URL becomes a link only when it is
/// http or https); the script holds no data, it reads the page.
///
/// The page is a list of sections (`sections`), each written by one function: a new section is
/// one more entry there.
public struct HTMLPage {
    let store: DossierStore
    let lang: Language

    public init(store: DossierStore, lang: Language) {
        self.store = store
        self.lang = lang
    }

    /// One section of the page: its anchor (`_key`, which no record id can be: ids have no `_`),
    /// its title in both languages, and its HTML.
    struct Section {
        var key: String
        var title: Localized
        var body: String
    }

    /// The sections, in page order. Another section (a glossary, the accords compared) is one
    /// more entry here and one function writing it; its records go through `record(_:level:)`
    /// so that their ids, the search box, the language switch and the record count work as for
    /// the others.
    var sections: [Section] {
        [
            Section(key: "overview", title: Strings.overview, body: overviewSection()),
            Section(key: "timeline", title: Strings.timeline, body: timelineSection()),
            Section(key: "parties", title: Strings.parties, body: partiesSection()),
            Section(key: "arguments", title: Strings.arguments, body: argumentsSection()),
            Section(key: "accords", title: Strings.accords, body: accordsSection()),
            Section(key: "comparison", title: Strings.comparison, body: comparisonSection()),
            Section(key: "glossary", title: Strings.glossary, body: glossarySection()),
            Section(key: "sources", title: Strings.sources, body: sourcesSection()),
        ]
    }

    public func document() -> String {
        let sections = self.sections
        let recordCount = sections.map { $0.body.ranges(of: "<article class=\"rec ").count }.reduce(0, +)
        let style = HTMLPageAssets.style, script = HTMLPageAssets.script
        let policy =
            "default-src 'none'; style-src \(SHA256.cspSource(style)); script-src \(SHA256.cspSource(script)); "
            + "img-src data:; base-uri 'none'; form-action 'none'"
        var out = """
            <!doctype html>
            <html lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="\(policy)">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(Self.escape(store.info.title[lang]))</title>
            <style>\(style)</style>
            </head>
            <body class="l-\(lang.rawValue)">
            <header>
            <h1 id="_title">\(both(store.info.title))</h1>
            <p class="muted">\(both(Strings.checkedAsOf(store.info.asOf)))</p>
            <div class="tools">
            <label for="_q">\(both(Strings.htmlSearch))</label>
            <input id="_q" type="search" autocomplete="off" spellcheck="false">
            <span class="muted" id="_count" aria-live="polite"><span id="_n">\(recordCount)</span> / \(recordCount) \(both(Strings.htmlRecordsShown))</span>
            <button type="button" id="_lang"><span class="en" lang="fr">Français</span><span class="fr" lang="en">English</span></button>
            </div>
            <nav aria-label="\(Self.escape(Strings.htmlContents[lang]))"><ol>

            """
        for section in sections {
            out += "<li><a href=\"#_\(section.key)\">\(both(section.title))</a></li>\n"
        }
        out += "</ol></nav>\n</header>\n<main>\n"
        for section in sections {
            out += "<section id=\"_\(section.key)\" class=\"part\">\n<h2>\(both(section.title))</h2>\n\(section.body)</section>\n"
        }
        out += "</main>\n<script>\(script)</script>\n</body>\n</html>\n"
        return out
    }

    // MARK: sections

    /// The overview in each language, its `[[id]]` links numbered marks to the records, listed
    /// after it (as the Markdown export does).
    func overviewSection() -> String {
        var out = ""
        for language in Language.allCases {
            let printer = Printer(store: store, lang: language, format: .markdown)
            let (body, notes) = printer.numberLinks(store.info.overview[language], escape: Self.escape) { n, id in
                "<a href=\"#\(Self.escape(id))\">[\(n)]</a>"
            }
            out += "<div class=\"\(language.rawValue)\" lang=\"\(language.rawValue)\">\n"
            for paragraph in paragraphs(body) { out += "<p>\(paragraph)</p>\n" }
            if !notes.isEmpty {
                out += "<h3>\(Self.escape(Strings.references[language]))</h3>\n<ol class=\"notes\">\n"
                for ref in notes {
                    out += "<li><a href=\"#\(Self.escape(store.id(of: ref)))\">\(Self.escape(store.linkLabel(ref, language)))</a></li>\n"
                }
                out += "</ol>\n"
            }
            out += "</div>\n"
        }
        return out
    }

    /// The events by year; the accords in force are eras: listed first, and a band opens each
    /// stretch of events under one accord (or none).
    func timelineSection() -> String {
        let ordered = store.accords.sorted { $0.inForceFrom < $1.inForceFrom }
        func eraClass(_ accord: Accord?) -> String {
            guard let accord, let n = ordered.firstIndex(where: { $0.id == accord.id }) else { return "era-none" }
            return "era-\(n % 3)"
        }
        var out = "<ul class=\"eras\">\n"
        for accord in ordered {
            out += "<li class=\"\(eraClass(accord))\"><a href=\"#\(Self.escape(accord.id))\">\(both(accord.name))</a> "
            out += "\(accord.inForceFrom) → " + (accord.inForceTo.map { "\($0)" } ?? both(Strings.today))
            out += "</li>\n"
        }
        out += "</ul>\n"
        var year: Int?
        var era: String??
        for (i, event) in store.events.enumerated() {
            if event.date.year != year {
                if year != nil { out += "</section>\n" }
                year = event.date.year
                era = nil
                out += "<section class=\"grp\">\n<h3>\(event.date.year)</h3>\n"
            }
            let accord = store.accordInForce(on: event.date)
            if era != .some(accord?.id) {
                era = .some(accord?.id)
                let band =
                    accord.map { "\(both(Strings.inForce))\(both(Strings.colon)) <a href=\"#\(Self.escape($0.id))\">\(both($0.name))</a>" }
                    ?? both(capitalized(Strings.noEraAccord))
                out += "<p class=\"band \(eraClass(accord))\">\(band)</p>\n"
            }
            out += record(.event(i), level: 4, extraClass: eraClass(accord))
        }
        if year != nil { out += "</section>\n" }
        return out
    }

    /// The parties under their first role (their other roles are in their detail).
    func partiesSection() -> String {
        var out = ""
        for role in Role.allCases + [nil] {
            let members = store.parties.indices.filter { store.parties[$0].roles.first == role }
            guard !members.isEmpty else { continue }
            let title = role.map { capitalized($0.label) } ?? Strings.htmlOtherParties
            out += "<section class=\"grp\">\n<h3>\(both(title))</h3>\n"
            for i in members { out += record(.party(i), level: 4) }
            out += "</section>\n"
        }
        return out
    }

    /// The arguments under the case they were made in (cases in timeline order), by side.
    func argumentsSection() -> String {
        var out = ""
        for (e, event) in store.events.enumerated() {
            let members = store.argumentIndices(ofEvent: event.id).sorted {
                (Side.allCases.firstIndex(of: store.arguments[$0].side)!, $0) < (Side.allCases.firstIndex(of: store.arguments[$1].side)!, $1)
            }
            guard !members.isEmpty else { continue }
            out += "<section class=\"grp\">\n<h3><a href=\"#\(Self.escape(event.id))\">\(both(label(.event(e))))</a></h3>\n"
            for i in members {
                out += "<p class=\"side\">\(both(capitalized(store.arguments[i].side.label)))</p>\n"
                out += record(.argument(i), level: 4)
            }
            out += "</section>\n"
        }
        return out
    }

    func accordsSection() -> String {
        store.accords.indices.map { record(.accord($0), level: 3) }.joined()
    }

    /// The accords compared (`DossierStore.comparison`, as in the explorer and the CLI): one block
    /// per dimension, each accord's point with the records it names and its sources as links.
    /// Blocks rather than a table, so that it reads on a phone and prints on a page.
    func comparisonSection() -> String {
        let en = store.comparison(.en), fr = store.comparison(.fr)
        var out = ""
        for (rowEN, rowFR) in zip(en.rows, fr.rows) {
            out += "<div class=\"cmp\" id=\"compare-\(rowEN.dimension.rawValue)\">\n"
            out += "<h3>\(both(Localized(en: rowEN.label, fr: rowFR.label)))</h3>\n<dl>\n"
            for (column, accord) in en.accords.enumerated() {
                let cellEN = rowEN.cells[column], cellFR = rowFR.cells[column]
                var text = both(Localized(en: cellEN.text, fr: cellFR.text))
                if cellEN.unknown { text += " <span class=\"muted\">\(both(Strings.unknownMark))</span>" }
                // each language's text may name its own records: both are listed, once each
                let links = (cellEN.links + cellFR.links.filter { !cellEN.links.contains($0) }).map(anchor).joined(separator: ", ")
                let sources = cellEN.sources.enumerated()
                    .map { "<a href=\"#\(Self.escape(store.id(of: $1)))\">\($0 + 1)</a>" }.joined(separator: " ")
                var extra = ""
                if !links.isEmpty { extra += "<br><span class=\"muted\">\(both(Strings.see)):</span> " + links }
                if !sources.isEmpty { extra += "<br><span class=\"muted\">\(both(Strings.sourcesShort)):</span> " + sources }
                out += "<div><dt>\(anchor(accord))</dt><dd>\(text)\(extra)</dd></div>\n"
            }
            out += "</dl>\n</div>\n"
        }
        return out
    }

    /// A link to a record of the page, labelled with its title in both languages.
    func anchor(_ ref: RecordRef) -> String {
        "<a href=\"#\(Self.escape(store.id(of: ref)))\">\(both(Localized(en: store.title(of: ref, .en), fr: store.title(of: ref, .fr))))</a>"
    }

    /// The terms the texts link to, in the store's order.
    func glossarySection() -> String {
        store.terms.indices.map { record(.term($0), level: 3) }.joined()
    }

    func sourcesSection() -> String {
        store.sources.indices.map { record(.source($0), level: 3) }.joined()
    }

    // MARK: one record

    /// A record as the detail view shows it (`DossierStore.detail`), both languages side by side
    /// block for block, in an element whose id is the record's. The search box matches its id
    /// and its text in both languages (the script folds them once when the page opens).
    func record(_ ref: RecordRef, level: Int, extraClass: String = "") -> String {
        let en = store.detail(of: ref, .en), fr = store.detail(of: ref, .fr)
        var out = "<article class=\"rec k-\(ref.kind.rawValue)\(extraClass.isEmpty ? "" : " " + extraClass)\" id=\"\(Self.escape(store.id(of: ref)))\">\n"
        if en.count == fr.count, zip(en, fr).allSatisfy({ sameShape($0, $1) }) {
            out += blocks(Array(zip(en, fr)), level: level)
        } else {
            for (language, list) in [(Language.en, en), (.fr, fr)] {
                out += "<div class=\"\(language.rawValue)\" lang=\"\(language.rawValue)\">\n"
                out += blocks(list.map { ($0, $0) }, level: level) + "</div>\n"
            }
        }
        return out + "</article>\n"
    }

    /// Detail blocks as HTML; consecutive fields make one list of terms, consecutive links one list.
    func blocks(_ pairs: [(DetailBlock, DetailBlock)], level: Int) -> String {
        var out = "", list = ""
        func open(_ tag: String) {
            guard list != tag else { return }
            if !list.isEmpty { out += "</\(list)>\n" }
            if !tag.isEmpty { out += "<\(tag)>\n" }
            list = tag
        }
        for (en, fr) in pairs {
            switch (en, fr) {
            case (.heading(let a), .heading(let b)):
                open("")
                out += "<h\(level)>\(both(Localized(en: a, fr: b)))</h\(level)>\n"
            case (.field(let label, let a), .field(let labelFR, let b)):
                open("dl")
                out += "<div><dt>\(both(Localized(en: label, fr: labelFR)))</dt><dd>\(both(Localized(en: a, fr: b), render: linkedIfWeb))</dd></div>\n"
            case (.paragraph(let a), .paragraph(let b)):
                open("")
                out += "<p>\(both(Localized(en: a, fr: b)))</p>\n"
            case (.section(let a), .section(let b)):
                open("")
                out += "<h\(min(level + 1, 6)) class=\"sub\">\(both(Localized(en: a, fr: b)))</h\(min(level + 1, 6))>\n"
            case (.link(let target, let a), .link(_, let b)):
                open("ul")
                out += "<li><a href=\"#\(Self.escape(store.id(of: target)))\">\(both(Localized(en: a, fr: b)))</a></li>\n"
            default:
                break  // `record` pairs only blocks of the same shape
            }
        }
        open("")
        return out
    }

    func sameShape(_ a: DetailBlock, _ b: DetailBlock) -> Bool {
        switch (a, b) {
        case (.heading, .heading), (.field, .field), (.paragraph, .paragraph), (.section, .section): return true
        case (.link(let x, _), .link(let y, _)): return x == y
        default: return false
        }
    }

    // MARK: helpers

    /// A text in both languages, each in an element the language switch shows or hides; once
    /// when both are the same. `render` makes the HTML of one language's text (escaped).
    func both(_ text: Localized, render: (String) -> String = HTMLPage.escape) -> String {
        if text.en == text.fr { return render(text.en) }
        return "<span class=\"en\" lang=\"en\">\(render(text.en))</span><span class=\"fr\" lang=\"fr\">\(render(text.fr))</span>"
    }

    func label(_ ref: RecordRef) -> Localized {
        Localized(en: store.linkLabel(ref, .en), fr: store.linkLabel(ref, .fr))
    }

    /// An http or https address as a link to itself; anything else as text.
    func linkedIfWeb(_ value: String) -> String {
        guard HTMLPage.isWebURL(value) else { return HTMLPage.escape(value) }
        return "<a href=\"\(HTMLPage.escape(value))\" rel=\"noreferrer\">\(HTMLPage.escape(value))</a>"
    }

    static func isWebURL(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8
            && !text.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" || $0 == "'" || $0 == "`" }
    }

    /// The paragraphs of a text: separated by a blank line; a single line break is a space.
    func paragraphs(_ text: String) -> [String] {
        var result: [String] = [], lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) + [Substring("")] {
            if line.allSatisfy(\.isWhitespace) {
                if !lines.isEmpty { result.append(lines.map { $0.trimmingWhitespace() }.joined(separator: " ")) }
                lines = []
            } else {
                lines.append(line)
            }
        }
        return result
    }

    func capitalized(_ text: Localized) -> Localized {
        Localized(en: Printer.capitalized(text.en), fr: Printer.capitalized(text.fr))
    }

    /// Text as HTML text or attribute value: & < > " and ' escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}

extension Strings {
    static let htmlSearch = Localized(en: "Search", fr: "Rechercher")
    static let htmlRecordsShown = Localized(en: "records shown", fr: "fiches affichées")
    static let htmlContents = Localized(en: "Contents", fr: "Sommaire")
    static let htmlOtherParties = Localized(en: "Others", fr: "Autres")
}
