import ArgumentParser
import DossierCore
import DossierOutput
import DossierUI

/// `dossier case ID`: a case as a map of its arguments — each claim, the defence's answers and
/// the court's holding on it, who made each and in what role — as the explorer's `c` shows it.
struct Case: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Print a case as a map: each claim, the defence's answers and the court's holding, with who made each.")
    @OptionGroup var common: CommonOptions
    @ArgumentParser.Argument(help: "The id of a court event or of one of the case's arguments.", completion: IDCompletion.ids(.explorable)) var id: String

    func run() throws {
        let store = try common.loadStore()
        guard let ref = store.ref(id), let event = store.caseEvent(of: ref) else {
            printError("dossier: '\(id)' is not a case: give the id of an event with arguments, or of an argument")
            throw ExitCode(1)
        }
        let lang = common.language
        let map = store.caseMap(ofEvent: event)
        switch common.format {
        case .json: print(CaseOutput.json(map, store, lang).rendered(), terminator: "")
        case .markdown: print(CaseOutput.markdown(map, store, lang), terminator: "")
        default: print(CaseOutput.text(map, store, lang), terminator: "")
        }
    }
}

enum CaseOutput {
    static func heading(_ map: CaseMap, _ store: DossierStore, _ lang: Language) -> (title: String, citation: String) {
        let e = store.events[map.event]
        return ("\(e.date)  \(e.title[lang])", store.legalCitation(of: .event(map.event), lang))
    }

    static func label(_ thread: CaseMap.Thread, _ n: Int, _ lang: Language) -> String {
        // the explorer's case map and this command say it in the same words
        thread.claim == nil ? UIText.caseOther.text[lang] : UIText.caseClaim(String(n + 1))[lang]
    }

    static func text(_ map: CaseMap, _ store: DossierStore, _ lang: Language) -> String {
        let (title, citation) = heading(map, store, lang)
        var out = title + "\n" + citation + "\n"
        let defence = UIText.caseAnswer.text[lang], court = UIText.caseHolding.text[lang]
        let none = UIText.caseNoAnswer.text[lang], noHolding = UIText.caseNoHolding.text[lang]
        func argument(_ i: Int, indent: String) -> String {
            let a = store.arguments[i]
            var text = indent + a.claim[lang] + "\n"
            if let outcome = a.outcome { text += indent + Strings.labelled(Strings.outcome[lang], lang) + outcome[lang] + "\n" }
            return text
        }
        for (n, thread) in map.threads.enumerated() {
            out += "\n"
            if let claim = thread.claim {
                out += "\(label(thread, n, lang)) · \(store.authors(ofArgument: claim, lang, inCase: map.event))  [\(store.arguments[claim].id)]\n"
                out += argument(claim, indent: "  ")
            } else {
                out += label(thread, n, lang) + "\n"
            }
            for (name, items, empty) in [(defence, thread.answers, none), (court, thread.holdings, noHolding)] {
                if items.isEmpty { out += "  \(name) \(empty)\n" }
                for item in items {
                    out += "  \(name) · \(store.authors(ofArgument: item, lang, inCase: map.event))  [\(store.arguments[item].id)]\n"
                    out += argument(item, indent: "    ")
                }
            }
        }
        return out
    }

    static func markdown(_ map: CaseMap, _ store: DossierStore, _ lang: Language) -> String {
        let (title, citation) = heading(map, store, lang)
        var out = "# \(title)\n\n\(citation)\n"
        let defence = UIText.caseAnswer.text[lang], court = UIText.caseHolding.text[lang]
        let claimants = CaseRole.claimant.heading[lang]
        func item(_ name: String, _ i: Int) -> String {
            let a = store.arguments[i]
            var text = "- **\(name)** — \(store.authors(ofArgument: i, lang, inCase: map.event)) (`\(a.id)`): \(a.claim[lang])"
            if let outcome = a.outcome { text += " *\(Strings.labelled(Strings.outcome[lang], lang))\(outcome[lang])*" }
            return text + "\n"
        }
        for (n, thread) in map.threads.enumerated() {
            out += "\n## \(label(thread, n, lang))\n\n"
            if let claim = thread.claim { out += item(claimants, claim) }
            for answer in thread.answers { out += item(defence, answer) }
            for holding in thread.holdings { out += item(court, holding) }
        }
        return out
    }

    static func json(_ map: CaseMap, _ store: DossierStore, _ lang: Language) -> JSON {
        let e = store.events[map.event]
        func argument(_ i: Int) -> JSON {
            let a = store.arguments[i]
            return .object([
                ("id", .string(a.id)),
                ("side", .string(a.side.rawValue)),
                (
                    "by",
                    .array(
                        a.by.map { id in
                            .object([
                                ("party", .string(id)), ("role", .optional(e.partyRoles[id]?.rawValue ?? store.event(a.caseID)?.partyRoles[id]?.rawValue)),
                            ])
                        })
                ),
                ("case", .string(a.caseID)),
                ("claim", .string(a.claim[lang])),
                ("outcome", .optional(a.outcome?[lang])),
            ])
        }
        return .object([
            (
                "case",
                .object([
                    ("id", .string(e.id)), ("date", .string(e.date.description)), ("title", .string(e.title[lang])),
                    ("citation", .string(store.legalCitation(of: .event(map.event), lang))),
                ])
            ),
            (
                "threads",
                .array(
                    map.threads.map { thread in
                        .object([
                            ("claim", thread.claim.map(argument) ?? .null),
                            ("answers", .array(thread.answers.map(argument))),
                            ("holdings", .array(thread.holdings.map(argument))),
                        ])
                    })
            ),
        ])
    }
}
