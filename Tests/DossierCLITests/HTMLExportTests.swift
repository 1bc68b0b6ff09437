import Foundation
import Testing

/// `dossier export --format html`: one self-contained page. Its markup is checked here; a real
/// browser (headless Chromium, `scripts/html_browser_check.py`) opens it in `HTMLBrowserTests`.
@Suite(.serialized) struct HTMLExportTests {
    static let hostileHTML = CLI.fixtures + "/hostile-html"

    static func export(_ arguments: [String]) throws -> String {
        let result = try CLI.run(["export", "--format", "html"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        return result.stdout
    }

    /// The page without the contents of its one style and one script element.
    static func markup(_ page: String) -> (markup: String, style: String, script: String) {
        func cut(_ text: String, _ tag: String) -> (String, String) {
            guard let open = text.range(of: "<\(tag)>"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex)
            else { return (text, "") }
            return (String(text[..<open.upperBound] + text[close.lowerBound...]), String(text[open.upperBound..<close.lowerBound]))
        }
        let (a, style) = cut(page, "style"), (b, script) = cut(a, "script")
        return (b, style, script)
    }

    static let tags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "p", "div", "label", "input", "span", "button", "nav", "ol", "ul", "li", "a", "main", "section",
        "article", "dl", "dt", "dd", "script", "br",
    ]
    static let attributes: Set<String> = [
        "lang", "charset", "http-equiv", "content", "name", "class", "id", "for", "type", "autocomplete",
        "spellcheck", "aria-live", "aria-label", "href", "rel",
        "html",
    ]  // the "html" of <!doctype html>

    /// Every `<` of the page opens one of the page's own tags, with only the page's own attributes;
    /// every link is internal or http(s). Returns what breaks that.
    static func foreignMarkup(_ page: String) -> [String] {
        let (markup, _, _) = markup(page)
        var problems: [String] = []
        var rest = Substring(markup)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { problems.append("unclosed <"); break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            let name = tag.prefix { !$0.isWhitespace }.lowercased()
            guard tags.contains(name.hasPrefix("/") ? String(name.dropFirst()) : name) else { problems.append("<\(tag)>"); continue }
            // attributes: name or name="value" (values never hold a quote: they are escaped)
            var attrs = tag.dropFirst(name.count)
            while let start = attrs.firstIndex(where: { !$0.isWhitespace }) {
                attrs = attrs[start...]
                let attr = attrs.prefix { $0 != "=" && !$0.isWhitespace }
                attrs = attrs.dropFirst(attr.count)
                var value = ""
                if attrs.first == "=" {
                    guard attrs.dropFirst().first == "\"", let end = attrs.dropFirst(2).firstIndex(of: "\"") else {
                        problems.append("unquoted value in <\(tag)>"); break
                    }
                    value = String(attrs[attrs.index(attrs.startIndex, offsetBy: 2)..<end])
                    attrs = attrs[attrs.index(after: end)...]
                }
                if !attributes.contains(attr.lowercased()) { problems.append("attribute \(attr) in <\(tag)>") }
                if attr == "href" && !(value.hasPrefix("#") || value.hasPrefix("https://") || value.hasPrefix("http://")) {
                    problems.append("href=\"\(value)\"")
                }
            }
        }
        return problems
    }

    @Test func aHostileDossierReachesThePageAsText() throws {
        let valid = try Self.export(["--data", CLI.fixtures + "/valid"])
        for lang in ["en", "fr"] {
            for fixture in [Self.hostileHTML, CLI.fixtures + "/hostile"] {
                let page = try Self.export(["--data", fixture, "--lang", lang])
                #expect(Self.foreignMarkup(page) == [], "\(fixture) \(lang)")
                #expect(page.components(separatedBy: "<script").count == 2, "one script element")
                #expect(page.components(separatedBy: "<style").count == 2, "one style element")
                // the script and the style hold no data: they are the same for every dossier
                #expect(Self.markup(page).script == Self.markup(valid).script)
                #expect(Self.markup(page).style == Self.markup(valid).style)
                #expect(HostileCLITests.controls(page).isEmpty)
            }
        }
        let page = try Self.export(["--data", Self.hostileHTML])
        #expect(page.contains("Court &lt;script&gt;alert(&#39;publisher&#39;)&lt;/script&gt;"))
        #expect(page.contains("Outcome &quot; &#39; &lt; &gt; &amp;"))
        // a website that is not http(s) is text, an address with a quote is no link
        #expect(page.contains("javascript:alert(&#39;website&#39;)") && !page.contains("href=\"javascript"))
        #expect(page.contains("https://example.org/court&quot;&gt;&lt;script&gt;") && !page.contains("href=\"https://example.org/court"))
        #expect(page.contains("<a href=\"https://example.org/page?a=1&amp;b=2\" rel=\"noreferrer\">"))
        // the hostile (terminal) fixture's escape sequences stay visible text
        #expect(try Self.export(["--data", CLI.fixtures + "/hostile"]).contains("]52;c;ZXZpbA=="))
    }

    /// Nothing can be loaded: the policy forbids every load, and the page names nothing to load.
    @Test func thePageIsSelfContained() throws {
        let page = try Self.export(["--lang", "en"])
        let policy = try #require(page.firstMatch(of: /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)?.1)
        #expect(policy.hasPrefix("default-src 'none'; style-src 'sha256-"))
        for part in ["script-src 'sha256-", "img-src data:", "base-uri 'none'", "form-action 'none'"] { #expect(policy.contains(part)) }
        #expect(!policy.contains("unsafe") && !policy.contains("http"))
        let markup = Self.markup(page).markup
        for loader in [" src=", "<link", "<img", "<iframe", "@import", "url("] {
            #expect(!markup.contains(loader) && !Self.markup(page).style.contains(loader), "\(loader)")
        }
        // every section, and every record of the dossier, is on the page with its id
        for id in ["_overview", "_timeline", "_parties", "_arguments", "_accords", "_sources", "schrems-ii", "clever-cloud"] {
            #expect(page.contains(" id=\"\(id)\""), "\(id)")
        }
        #expect(page.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        #expect(try Self.export(["--lang", "fr"]).contains("<body class=\"l-fr\">"))
    }

    /// Every record of the dossier is one element of the page with the record's id; no id twice.
    @Test func everyRecordIsOnThePageOnceUnderItsID() throws {
        let page = try Self.export(["--lang", "fr"])
        let json = try #require(try CLI.run(["export", "--format", "json"]).json() as? [String: Any])
        var records: [String] = []
        for kind in ["events", "parties", "arguments", "accords", "sources"] {
            records += try #require(json[kind] as? [[String: Any]]).compactMap { $0["id"] as? String }
        }
        #expect(records.count > 400)
        let ids = page.matches(of: /\sid="([^"]*)"/).map { String($0.1) }
        #expect(Set(ids).count == ids.count, "an id twice")
        #expect(Set(records).isSubset(of: Set(ids)))
        // the glossary's terms are articles too; the JSON export does not list them yet
        let articles = page.matches(of: /<article class="rec k-([a-z]+)[^"]*" id="([^"]*)">/).filter { $0.1 != "term" }.map { String($0.2) }
        #expect(articles.sorted() == records.sorted())
    }

    /// `--output FILE` writes that file and nothing else (standard output stays empty); other
    /// commands refuse the format.
    @Test func outputWritesOnlyTheNamedFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("dossier.html")
        let result = try CLI.run(["export", "--format", "html", "--lang", "fr", "--output", file.path])
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["dossier.html"])
        #expect(try String(contentsOf: file, encoding: .utf8) == (try Self.export(["--lang", "fr"])))
        let markdown = dir.appendingPathComponent("dossier.md")
        #expect(try CLI.run(["export", "--format", "markdown", "--output", markdown.path]).status == 0)
        #expect(try String(contentsOf: markdown, encoding: .utf8) == (try CLI.run(["export", "--format", "markdown"]).stdout))
        let missing = try CLI.run(["export", "--format", "html", "--output", dir.path + "/no/such/dir/x.html"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot write"))
        let refused = try CLI.run(["timeline", "--format", "html"])
        #expect(refused.status == 64 && refused.stderr.contains("only for `dossier export`"), "\(refused.stderr)")
    }
}

/// The page in a real browser: Debian's chromium, headless, driven over the DevTools pipe by
/// `scripts/html_browser_check.py` (see its header for what it checks). Skipped, with the reason
/// printed, when chromium is not installed (.ci/setup installs it); one that does not start fails.
/// The limit only stops a runaway: a test's clock runs from when it is scheduled, and on two
/// cores it may wait a minute or more behind the other suites before it gets a thread.
@Suite(.serialized, .timeLimit(.minutes(10))) struct HTMLBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/html_browser_check.py").path
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let missing: Comment = "chromium is not installed (apt-get install --no-install-recommends chromium, or .ci/setup)"

    static func check(_ exportArguments: [String], lang: String, query: String?) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("dossier page.html")  // a space: the file URL is quoted
        let export = try CLI.run(["export", "--format", "html", "--lang", lang, "--output", page.path] + exportArguments)
        #expect(export.status == 0, "\(export.stderr)")
        var arguments = ["python3", script, page.path, "--lang", lang]
        if let query {
            // the records the app's own search finds
            let hits = try #require(try CLI.run(["search", query, "--format", "json"] + exportArguments).json() as? [[String: Any]])
            #expect(!hits.isEmpty)
            arguments += ["--query", query, "--expect", hits.compactMap { $0["id"] as? String }.joined(separator: ",")]
        }
        var environment = ProcessInfo.processInfo.environment
        environment["CHROMIUM"] = chromium
        let result = try CLI.run(arguments, executable: "/usr/bin/env", environment: environment)
        print(result.stdout, terminator: "")
        if result.status == 127 { Issue.record("python3 is missing: cannot run the browser check (.ci/setup installs it)"); return }
        if result.status == 77 {
            print("HTMLBrowserTests: " + result.stdout)
            try Test.cancel(Comment(rawValue: result.stdout))
        }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test(.enabled(if: chromium != nil, missing))
    func theBundledDossierInEnglish() throws {
        try Self.check([], lang: "en", query: "clever cloud")
    }

    /// A French query with typographic apostrophe and accents finds what `dossier search` finds.
    @Test(.enabled(if: chromium != nil, missing))
    func theBundledDossierInFrench() throws {
        try Self.check([], lang: "fr", query: "Conseil d’État ordonnance")
    }

    /// No payload of the hostile dossier runs: no dialog, no console error, no load.
    @Test(.enabled(if: chromium != nil, missing))
    func theHostileDossier() throws {
        try Self.check(["--data", HTMLExportTests.hostileHTML], lang: "fr", query: "script")
    }
}
