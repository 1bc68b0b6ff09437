/// Every user-facing string that is not dossier data, in both languages, in one place.
public enum Strings {
    public static let timeline = Localized(en: "Timeline", fr: "Chronologie")
    public static let parties = Localized(en: "Parties", fr: "Parties")
    public static let arguments = Localized(en: "Arguments", fr: "Arguments")
    public static let accords = Localized(en: "Accords", fr: "Accords")
    public static let sources = Localized(en: "Sources", fr: "Sources")
    public static let overview = Localized(en: "Overview", fr: "Présentation")
    public static let events = Localized(en: "Events", fr: "Événements")
    public static let date = Localized(en: "Date", fr: "Date")
    public static let end = Localized(en: "Until", fr: "Jusqu’au")
    public static let kind = Localized(en: "Kind", fr: "Nature")
    public static let track = Localized(en: "Track", fr: "Thème")
    public static let certainty = Localized(en: "Certainty", fr: "Fiabilité")
    public static let note = Localized(en: "Note", fr: "Remarque")
    public static let roles = Localized(en: "Roles", fr: "Rôles")
    public static let country = Localized(en: "Country", fr: "Pays")
    public static let website = Localized(en: "Website", fr: "Site web")
    public static let side = Localized(en: "Side", fr: "Camp")
    public static let by = Localized(en: "Made by", fr: "Soutenu par")
    public static let inCase = Localized(en: "Case", fr: "Affaire")
    public static let basis = Localized(en: "Legal basis", fr: "Fondement juridique")
    public static let answers = Localized(en: "Answers", fr: "Répond à")
    public static let answeredBy = Localized(en: "Answered by", fr: "Réponses")
    public static let outcome = Localized(en: "Outcome", fr: "Issue")
    public static let detail = Localized(en: "Detail", fr: "Détail")
    public static let instrument = Localized(en: "Instrument", fr: "Acte")
    public static let adopted = Localized(en: "Adopted", fr: "Adopté le")
    public static let inForce = Localized(en: "In force", fr: "En vigueur")
    public static let mechanisms = Localized(en: "Mechanisms", fr: "Mécanismes")
    public static let challengedBy = Localized(en: "Challenged by", fr: "Contesté par")
    public static let struckDownBy = Localized(en: "Struck down by", fr: "Invalidé par")
    public static let status = Localized(en: "Status", fr: "Situation")
    public static let accord = Localized(en: "Accord", fr: "Accord")
    public static let involved = Localized(en: "Parties involved", fr: "Parties concernées")
    public static let publisher = Localized(en: "Publisher", fr: "Éditeur")
    public static let citedBy = Localized(en: "Cited by", fr: "Cité par")
    public static let aliases = Localized(en: "Also", fr: "Aussi")
    public static let related = Localized(en: "Related", fr: "Voir aussi")
    /// The terms a record's texts use, and the records that use a term.
    public static let termsUsed = Localized(en: "Terms", fr: "Termes")
    public static let usedIn = Localized(en: "Used in", fr: "Employé dans")
    public static let glossary = Localized(en: "Glossary", fr: "Glossaire")
    public static let definition = Localized(en: "Definition", fr: "Définition")
    public static let language = Localized(en: "Language", fr: "Langue")
    public static let noEraAccord = Localized(en: "no accord in force", fr: "aucun accord en vigueur")
    public static let today = Localized(en: "today", fr: "aujourd’hui")
    public static let noResults = Localized(en: "No results.", fr: "Aucun résultat.")
    public static let guidedTour = Localized(en: "guided tour", fr: "visite guidée")
    public static let caseNumber = Localized(en: "Case no.", fr: "N°")
    /// "cited by" after a source (feminine in French: une source est citée).
    public static let sourceCitedBy = Localized(en: "cited by", fr: "citée par")
    public static let officialJournal = Localized(en: "Official journal", fr: "Journal officiel")
    public static let asOf = Localized(en: "As of", fr: "À jour au")
    /// How current the dossier is, as its exports and overview say it.
    public static func checkedAsOf(_ date: DossierDate) -> Localized {
        Localized(en: "Checked against the public record as of \(date).", fr: "Vérifié auprès des sources publiques au \(date).")
    }
    /// An event still undecided on the dossier's date: "pending as of 2026-12-01 (since 2025-10-31)".
    public static func pending(asOf: DossierDate, since: DossierDate) -> Localized {
        Localized(en: "pending as of \(asOf) (since \(since))", fr: "en cours au \(asOf) (depuis le \(since))")
    }
    /// The line that opens a citation's list of sources.
    public static let sourcesHeading = Localized(en: "Sources:", fr: "Sources\u{00A0}:")
    /// What separates a label from its value: French puts a no-break space before the colon.
    public static let colon = Localized(en: ":", fr: "\u{00A0}:")
    public static func labelled(_ label: String, _ lang: Language) -> String {
        label + colon[lang] + " "
    }

    public static let explorerHint = Localized(
        en: "Run `dossier` in a terminal to explore; `dossier --help` lists the commands.",
        fr: "Lancez `dossier` dans un terminal pour explorer\u{00A0}; `dossier --help` liste les commandes.")
}
