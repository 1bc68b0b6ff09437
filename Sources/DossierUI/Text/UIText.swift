import DossierCore

/// Every text the explorer shows that is neither dossier data nor a key's help (those live with
/// their key in `Keymap`), in both languages, in one table. `{1}`, `{2}` stand for the arguments.
/// New texts go at the end of the list, so that two branches adding texts merge cleanly.
public enum UIText: CaseIterable, Sendable {
    // reducer messages
    case nothingToFollow, noSearchResults, filterCleared, selectPartyFirst
    case markSet, noMark, noFurtherKind, alreadyEveryEvent, alreadyEras
    case noFurtherHistory, noSearch, matchOf
    case noMatchFor, firstMatch, nothingMatchesFilter
    case gotoUsage, langUsage, zoomUsage, unknownCommand, noTour, tourEnd
    // views
    case tooSmall, listEmptyFiltered, eventOne, eventMany, detailHint
    case gotoLabel, gotoHelp, matchOne, matchMany, filterLabel, filterHelp, filterWord, zoomWord
    case helpTitle, resultsTitle, tourTitle, keysHeader, actionHeader
    // lists, filters, zoom
    case noEventsIn, noAccordInForce, filterNoParty, filterUnknownKey, filterBadValue
    case zoomEvents, zoomMonths, zoomYears, zoomEras
    case claimants, defence, courts, hosts, others
    case groupMove, groupTimeline, groupPanes, groupSearch, groupLinks, groupGeneral
    case filterNoCase, asOf
    // reading in depth (issue 14)
    case unboundKey, citationSent, nothingToCite, helpPosition, notADate, gotoNoSuch, citationTitle, bucketCitation
    case sideClaimants, sideDefence, sideCourt, caseMapTitle, noCaseHere, caseClaim, caseAnswer, caseHolding, caseUnanswered
    case caseNoAnswer, caseNoHolding, caseOther, sourceTitle
    case asciiNotice
    case counselGroup
    // the Sources pane
    case sourcesSorted, sortUsage, sortOnlySources, filterNoPublisher, byOrder
    // the accords compared (issue 17)
    case compareTitle, compareDimension, compareFromAccords, compareNoAccords, compareNoFurther
    // the glossary (issue 17)
    case glossaryTitle, termTitle, termOne, termMany, glossaryFiltered, glossaryNoMatch, glossaryEmpty
    case glossaryFilterLabel, glossaryFilterHelp
    // status hints and filters that say what they do (session 5)
    case groupYear, groupRole, groupCase, groupPublisher, groupKind, filterLeftAside
    // habits of terminal readers (issue 29)
    case prefixCancelled, nearestEventInstead, yearsWithoutEvents, eraOfAccord, eraInForce

    public var template: Localized {
        switch self {
        case .nothingToFollow: return Localized(en: "Nothing to follow here.", fr: "Aucun lien ici.")
        case .noSearchResults: return Localized(en: "No search results: press / to search.", fr: "Aucun résultat\u{00A0}: tapez / pour chercher.")
        case .filterCleared: return Localized(en: "Filter cleared.", fr: "Filtre retiré.")
        case .selectPartyFirst: return Localized(en: "Select a party first (pane 1).", fr: "Choisissez d’abord une partie (volet 1).")
        case .markSet: return Localized(en: "Mark '{1}' set.", fr: "Marque «\u{00A0}{1}\u{00A0}» posée.")
        case .noMark: return Localized(en: "No mark '{1}'.", fr: "Pas de marque «\u{00A0}{1}\u{00A0}».")
        case .noFurtherKind: return Localized(en: "No further {1}.", fr: "Pas d’autre occurrence\u{00A0}: {1}.")
        case .alreadyEveryEvent: return Localized(en: "Already showing every event.", fr: "Tous les événements sont déjà affichés.")
        case .alreadyEras: return Localized(en: "Already showing eras.", fr: "Les époques sont déjà affichées.")
        case .noFurtherHistory: return Localized(en: "No further history.", fr: "Pas d’autre historique.")
        case .noSearch: return Localized(en: "No search: press / to search.", fr: "Aucune recherche\u{00A0}: tapez / pour chercher.")
        case .matchOf: return Localized(en: "Match {1} of {2}", fr: "Résultat {1} sur {2}")
        case .noMatchFor: return Localized(en: "No match for “{1}”.", fr: "Aucun résultat pour «\u{00A0}{1}\u{00A0}».")
        case .firstMatch: return Localized(en: "Match 1 of {1} — n/N next/previous, Ctrl-F all", fr: "Résultat 1 sur {1} — n/N suivant/précédent, Ctrl-F tous")
        case .nothingMatchesFilter:
            return Localized(en: "Nothing matches this filter; Esc clears it.", fr: "Rien ne correspond\u{00A0}; Échap retire le filtre.")
        case .gotoUsage: return Localized(en: "goto: give a date (2020-07-16) or an id", fr: "goto\u{00A0}: une date (2020-07-16) ou un identifiant")
        case .langUsage: return Localized(en: "lang: en or fr", fr: "lang\u{00A0}: en ou fr")
        case .zoomUsage: return Localized(en: "zoom: events, months, years or eras", fr: "zoom\u{00A0}: événements, mois, années ou époques")
        case .unknownCommand: return Localized(en: "Unknown command “{1}” (Tab completes).", fr: "Commande inconnue «\u{00A0}{1}\u{00A0}» (Tab complète).")
        case .noTour: return Localized(en: "This dossier has no tour.", fr: "Ce dossier n’a pas de visite guidée.")
        case .tourEnd: return Localized(en: "End of the tour.", fr: "Fin de la visite.")
        case .tooSmall: return Localized(en: "terminal too small: need {1}, have {2}", fr: "terminal trop petit\u{00A0}: il faut {1}, actuel {2}")
        case .listEmptyFiltered: return Localized(en: "Nothing matches the filter — Esc clears it.", fr: "Rien ne correspond au filtre — Échap le retire.")
        case .eventOne: return Localized(en: "event", fr: "événement")
        case .eventMany: return Localized(en: "events", fr: "événements")
        case .detailHint: return Localized(en: " — Enter: links", fr: " — Entrée\u{00A0}: liens")
        case .gotoLabel: return Localized(en: " Go to date: ", fr: " Aller à la date\u{00A0}: ")
        case .gotoHelp: return Localized(en: "  (2020, 2020-07 or 2020-07-16; Enter, Esc)", fr: "  (2020, 2020-07 ou 2020-07-16\u{00A0}; Entrée, Échap)")
        case .matchOne: return Localized(en: "{1} match", fr: "{1} résultat")
        case .matchMany: return Localized(en: "{1} matches", fr: "{1} résultats")
        case .filterLabel: return Localized(en: " Filter: ", fr: " Filtre\u{00A0}: ")
        case .filterHelp: return Localized(en: "  ({1} words; Tab)", fr: "  ({1} mots\u{00A0}; Tab)")
        case .filterWord: return Localized(en: "filter", fr: "filtre")
        case .zoomWord: return Localized("zoom")
        case .helpTitle: return Localized(en: "Help — ? or Esc closes, j/k scroll", fr: "Aide —\u{00A0}? ou Échap pour fermer, j/k pour défiler")
        case .resultsTitle:
            return Localized(en: "“{1}”: {2} matches — Enter opens, Esc closes", fr: "«\u{00A0}{1}\u{00A0}»\u{00A0}: {2} résultats — Entrée ouvre, Échap ferme")
        case .tourTitle: return Localized(en: "Tour {1}/{2} — n/→ next, p/← back, Esc leaves", fr: "Visite {1}/{2} — n/→ suite, p/← retour, Échap pour sortir")
        case .keysHeader: return Localized(en: "Keys", fr: "Touches")
        case .actionHeader: return Localized(en: "Action", fr: "Action")
        case .noEventsIn: return Localized(en: "{1}: no events", fr: "{1}\u{00A0}: aucun événement")
        case .noAccordInForce: return Localized(en: "No accord in force ({1})", fr: "Aucun accord en vigueur ({1})")
        case .filterNoParty: return Localized(en: "no party '{1}'", fr: "aucune partie «\u{00A0}{1}\u{00A0}»")
        case .filterUnknownKey: return Localized(en: "unknown filter '{1}:' ({2})", fr: "filtre inconnu «\u{00A0}{1}:\u{00A0}» ({2})")
        case .filterBadValue: return Localized(en: "{1}: one of {2}", fr: "{1}\u{00A0}: une valeur parmi {2}")
        case .zoomEvents: return Localized(en: "events", fr: "événements")
        case .zoomMonths: return Localized(en: "months", fr: "mois")
        case .zoomYears: return Localized(en: "years", fr: "années")
        case .zoomEras: return Localized(en: "eras", fr: "époques")
        case .claimants: return Localized(en: "Claimants", fr: "Requérants")
        case .defence: return Localized(en: "Defence and authorities", fr: "Défense et autorités")
        case .courts: return Localized(en: "Courts", fr: "Juridictions")
        case .hosts: return Localized(en: "Hosts and data sources", fr: "Hébergeurs et sources de données")
        case .others: return Localized(en: "Others", fr: "Autres")
        case .groupMove: return Localized(en: "Move", fr: "Se déplacer")
        case .groupTimeline: return Localized(en: "Timeline", fr: "Chronologie")
        case .groupPanes: return Localized(en: "Panes and detail", fr: "Volets et détail")
        case .groupSearch: return Localized(en: "Search and filter", fr: "Chercher et filtrer")
        case .groupLinks: return Localized(en: "Links, history and marks", fr: "Liens, historique et marques")
        case .groupGeneral: return Localized(en: "General", fr: "Général")
        case .filterNoCase: return Localized(en: "no case '{1}'", fr: "aucune affaire «\u{00A0}{1}\u{00A0}»")
        case .asOf: return Localized(en: "as of {1}", fr: "à jour au {1}")
        case .unboundKey: return Localized(en: "{1}: no action · ? for help", fr: "{1}\u{00A0}: aucune action ·\u{00A0}? pour l’aide")
        case .citationSent:
            return Localized(
                en: "Citation sent to the terminal’s clipboard (OSC 52).",
                fr: "Citation envoyée au presse-papiers du terminal (OSC 52).")
        case .nothingToCite: return Localized(en: "Nothing to cite: this list is empty.", fr: "Rien à citer\u{00A0}: cette liste est vide.")
        case .helpPosition: return Localized(en: "{1}–{2} of {3}", fr: "{1}–{2} sur {3}")
        case .notADate:
            return Localized(
                en: "“{1}” is not a date: write 2020, 2020-07 or 2020-07-16.",
                fr: "«\u{00A0}{1}\u{00A0}» n’est pas une date\u{00A0}: écrivez 2020, 2020-07 ou 2020-07-16.")
        case .gotoNoSuch:
            return Localized(
                en: "goto: no record '{1}'; did you mean {2}?", fr: "goto\u{00A0}: aucune fiche «\u{00A0}{1}\u{00A0}»\u{00A0}; vouliez-vous dire {2}\u{00A0}?")
        case .citationTitle:
            return Localized(en: "Citation — select it with the mouse; Esc or q closes", fr: "Citation — sélectionnez-la à la souris\u{00A0}; Échap ou q ferme")
        case .bucketCitation: return Localized(en: "{1}: {2}", fr: "{1}\u{00A0}: {2}")
        case .sideClaimants: return Localized(en: "claimants", fr: "requérants")
        case .sideDefence: return Localized(en: "defence", fr: "défense")
        case .sideCourt: return Localized(en: "court", fr: "juge")
        case .caseMapTitle: return Localized(en: "Case — {1} — j/k scroll, Esc or q closes", fr: "Affaire — {1} — j/k pour défiler, Échap ou q ferme")
        case .noCaseHere:
            return Localized(
                en: "No arguments are recorded for this record: select an argument or a court event.",
                fr: "Aucun argument n’est consigné ici\u{00A0}: choisissez un argument ou une décision.")
        case .caseClaim: return Localized(en: "Claim {1}", fr: "Moyen {1}")
        case .caseAnswer: return Localized(en: "Defence", fr: "Défense")
        case .caseHolding: return Localized(en: "Court", fr: "Juge")
        case .caseUnanswered: return Localized(en: "Answering no recorded claim", fr: "Sans moyen consigné auquel répondre")
        case .caseNoAnswer: return Localized(en: "(no recorded answer)", fr: "(aucune réponse consignée)")
        case .caseNoHolding: return Localized(en: "(no recorded holding)", fr: "(aucune décision consignée)")
        case .caseOther: return Localized(en: "Other arguments", fr: "Autres arguments")
        case .sourceTitle:
            return Localized(
                en: "Source — j/k cited by, Enter follows, y cites, Esc or q closes", fr: "Source — j/k citée par, Entrée suit, y cite, Échap ou q ferme")
        case .asciiNotice:
            return Localized(
                en: "Not a UTF-8 terminal: drawing ASCII (LC_ALL=C.UTF-8 forces UTF-8)",
                fr: "Terminal sans UTF-8\u{00A0}: dessin ASCII (LC_ALL=C.UTF-8 force l’UTF-8)")
        case .counselGroup: return Localized(en: "Counsel", fr: "Avocats")
        case .sourcesSorted: return Localized(en: "Sources by {1} (s: next order)", fr: "Sources par {1} (s\u{00A0}: ordre suivant)")
        case .sortUsage: return Localized(en: "sort: date, publisher or kind", fr: "sort\u{00A0}: date, publisher ou kind")
        case .sortOnlySources: return Localized(en: "s sorts the Sources pane (5).", fr: "s trie le volet Sources (5).")
        case .filterNoPublisher: return Localized(en: "no publisher '{1}'", fr: "aucun éditeur «\u{00A0}{1}\u{00A0}»")
        case .byOrder: return Localized(en: "by {1}", fr: "par {1}")
        case .compareTitle: return Localized(en: "The accords compared", fr: "Les accords comparés")
        case .compareDimension: return Localized(en: "Dimension {1} of {2}", fr: "Point {1} sur {2}")
        case .compareFromAccords:
            return Localized(
                en: "C compares the accords from the Accords pane (4), or type :compare",
                fr: "C compare les accords depuis le volet Accords (4), ou tapez\u{00A0}:compare")
        case .compareNoAccords: return Localized(en: "This dossier has no accords to compare.", fr: "Ce dossier n’a pas d’accords à comparer.")
        case .compareNoFurther: return Localized(en: "No further dimension.", fr: "Pas d’autre point.")
        case .glossaryTitle: return Localized(en: "/ narrows, Enter opens, Esc or q closes", fr: "/ filtre, Entrée ouvre, Échap ou q ferme")
        case .termTitle: return Localized(en: "j/k links, Enter follows, h back, Esc closes", fr: "j/k liens, Entrée suit, h retour, Échap ferme")
        case .termOne: return Localized(en: "{1} term", fr: "{1} terme")
        case .termMany: return Localized(en: "{1} terms", fr: "{1} termes")
        case .glossaryFiltered: return Localized(en: "{1} of {2} terms match “{3}”", fr: "{1} termes sur {2} pour «\u{00A0}{3}\u{00A0}»")
        case .glossaryNoMatch: return Localized(en: "No term matches: Esc shows them all.", fr: "Aucun terme ne correspond\u{00A0}: Échap les montre tous.")
        case .glossaryEmpty: return Localized(en: "This dossier has no glossary.", fr: "Ce dossier n’a pas de glossaire.")
        case .glossaryFilterLabel: return Localized(en: " Terms: ", fr: " Termes\u{00A0}: ")
        case .glossaryFilterHelp: return Localized(en: "  ↑/↓ choose, Enter opens, Esc shows all", fr: "  ↑/↓ choisir, Entrée ouvre, Échap montre tout")
        case .groupYear: return Localized(en: "year", fr: "année")
        case .groupRole: return Localized(en: "role", fr: "rôle")
        case .groupCase: return Localized(en: "case", fr: "affaire")
        case .groupPublisher: return Localized(en: "publisher", fr: "éditeur")
        case .groupKind: return Localized(en: "kind", fr: "nature")
        case .filterLeftAside:
            return Localized(
                en: "{1}: no record of the {2} pane has it, so it is left aside here.",
                fr: "{1}\u{00A0}: aucun élément du volet {2} n’en a, ce critère est laissé de côté ici.")
        case .prefixCancelled:
            return Localized(
                en: "{1}: cancelled (it waits for a second key; see ? for which).",
                fr: "{1}\u{00A0}: annulé (une seconde touche est attendue\u{00A0}; voir\u{00A0}?).")
        case .nearestEventInstead:
            return Localized(
                en: "Nothing at {1}: the nearest event, {2}, is shown.", fr: "Rien à la date {1}\u{00A0}: l’événement le plus proche, {2}, est affiché.")
        case .yearsWithoutEvents: return Localized(en: "No event in {1}: skipped.", fr: "Aucun événement en {1}\u{00A0}: sauté.")
        case .eraOfAccord: return Localized(en: "{1} ({2}{3})", fr: "{1} ({2}{3})")
        case .eraInForce: return Localized(en: ", in force", fr: ", en vigueur")
        }
    }

    /// The text, for the texts without arguments.
    public var text: Localized { template }

    /// The text with `{1}`, `{2}`… replaced by arguments that read the same in both languages.
    public func callAsFunction(_ first: String, _ rest: String...) -> Localized {
        fill(([first] + rest).map(Localized.init))
    }

    /// The text with arguments that have a text of their own in each language.
    public func callAsFunction(_ first: Localized, _ rest: Localized...) -> Localized {
        fill([first] + rest)
    }

    private func fill(_ arguments: [Localized]) -> Localized {
        Localized(en: template.en.filled(arguments.map(\.en)), fr: template.fr.filled(arguments.map(\.fr)))
    }

    /// The short side label an argument's row starts with.
    static func sideTag(_ side: Side) -> Localized {
        switch side {
        case .claimants: return sideClaimants.text
        case .defence: return sideDefence.text
        case .court: return sideCourt.text
        }
    }

    /// "1 event", "2 events": English and French differ on zero (0 events, 0 événement).
    static func count(_ count: Int, one: UIText, many: UIText) -> Localized {
        Localized(en: (count == 1 ? one : many)(String(count)).en, fr: (count > 1 ? many : one)(String(count)).fr)
    }
}

extension String {
    /// `{1}`, `{2}`… replaced by the arguments, in one pass over the template, so that an argument
    /// that happens to contain `{2}` (a search query) stays as typed.
    func filled(_ arguments: [String]) -> String {
        var out = "", rest = Substring(self)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest[rest.index(after: open)...]
            if let close = afterOpen.firstIndex(of: "}"), let n = Int(afterOpen[..<close]), n >= 1, n <= arguments.count {
                out += arguments[n - 1]
                rest = afterOpen[afterOpen.index(after: close)...]
            } else {
                out.append("{")
                rest = afterOpen
            }
        }
        return out + rest
    }
}
