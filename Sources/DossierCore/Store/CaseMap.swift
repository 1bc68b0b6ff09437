/// A case as a map of its arguments: each claim, the defence's answers to it and the court's
/// holding on it, linked through `answers`, with who made each and in what role. What the
/// explorer's case view and `dossier case ID` both show.
public struct CaseMap: Sendable, Hashable {
    /// One claim and what answered it.
    public struct Thread: Sendable, Hashable {
        /// The claimants' argument (argument index), or nil for the arguments that answer no claim.
        public var claim: Int?
        public var answers: [Int]
        public var holdings: [Int]
    }

    /// The case's event (index into `store.events`).
    public var event: Int
    public var threads: [Thread]

    public var isEmpty: Bool { threads.isEmpty }
}

extension DossierStore {
    /// The case an argument belongs to, or the event itself when it has arguments.
    public func caseEvent(of ref: RecordRef) -> Int? {
        switch ref {
        case .argument(let i):
            if case .event(let e)? = self.ref(arguments[i].caseID) { return e }
            return nil
        case .event(let e):
            return argumentIndices(ofEvent: events[e].id).isEmpty ? nil : e
        default:
            return nil
        }
    }

    /// The map of a case: one thread per claim, in the data's order; a defence argument joins
    /// the claims it answers, a holding the claims it answers directly or through an answer.
    /// Whatever answers no claim ends in a last thread without a claim.
    public func caseMap(ofEvent e: Int) -> CaseMap {
        // a case's claims are often filed under the filing or the hearing and its holding under
        // the decision: from the event's own arguments, take in one step what its holdings
        // answer, then what answers its claims, then the holdings on those answers
        var set = Set(argumentIndices(ofEvent: events[e].id))
        func index(_ id: String) -> Int? { if case .argument(let i)? = ref(id) { return i } else { return nil } }
        for i in set where arguments[i].side == .court { set.formUnion(arguments[i].answers.compactMap(index)) }
        for i in set where arguments[i].side == .claimants { set.formUnion(answerIndices(to: arguments[i].id).filter { arguments[$0].side != .claimants }) }
        for i in set where arguments[i].side == .defence { set.formUnion(answerIndices(to: arguments[i].id).filter { arguments[$0].side == .court }) }
        let members = set.sorted()
        let claims = members.filter { arguments[$0].side == .claimants }
        var placed = Set(claims)
        var threads: [CaseMap.Thread] = []
        for claim in claims {
            let claimID = arguments[claim].id
            let answers = members.filter { arguments[$0].side == .defence && arguments[$0].answers.contains(claimID) }
            let answerIDs = Set(answers.map { arguments[$0].id })
            let holdings = members.filter {
                arguments[$0].side == .court
                    && arguments[$0].answers.contains { $0 == claimID || answerIDs.contains($0) }
            }
            placed.formUnion(answers)
            placed.formUnion(holdings)
            threads.append(CaseMap.Thread(claim: claim, answers: answers, holdings: holdings))
        }
        let rest = members.filter { !placed.contains($0) }
        if !rest.isEmpty {
            threads.append(
                CaseMap.Thread(
                    claim: nil, answers: rest.filter { arguments[$0].side != .court },
                    holdings: rest.filter { arguments[$0].side == .court }))
        }
        return CaseMap(event: e, threads: threads)
    }

    /// Who made an argument and in what role in its case: "Clever Cloud, Nexedi and 6 others
    /// (claimants)", "Conseil d’État (court), Jean-Yves Ollier (judge)".
    /// Roles are read from `inCase` (the case being shown) first, then from the argument's own event.
    public func authors(ofArgument i: Int, _ lang: Language, inCase: Int? = nil) -> String {
        let a = arguments[i]
        let own = self.event(a.caseID)
        let shown = inCase.map { events[$0] }
        var groups: [(role: String, names: [String])] = []
        for id in a.by {
            let name = party(id)?.name[lang] ?? id
            let role = (shown?.partyRoles[id] ?? own?.partyRoles[id])?.label[lang] ?? ""
            if let last = groups.indices.last, groups[last].role == role { groups[last].names.append(name) } else { groups.append((role, [name])) }
        }
        return groups.map { group in
            let names =
                group.names.count > 3
                ? group.names.prefix(2).joined(separator: ", ") + (lang == .fr ? " et \(group.names.count - 2) autres" : " and \(group.names.count - 2) others")
                : group.names.joined(separator: ", ")
            return group.role.isEmpty ? names : "\(names) (\(group.role))"
        }.joined(separator: "; ")
    }
}
