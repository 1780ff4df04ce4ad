/// A dated training plan for one organisation: what applies, what meets it and why, when
/// sessions take place, and what could not be covered or placed.
///
/// Every list is in a stable order (obligations by id, choices in the order the set cover
/// made them, sessions by date), so renderers give the same bytes for the same input.
public struct Plan: Sendable, Hashable {
    /// The organisation planned for.
    public var profile: OrganisationProfile
    /// The reference date: sessions start no earlier, and calendar stamps use it.
    public var asOf: CalendarDate
    /// Who obligations can bind, in scheduling order.
    public var targets: [PlanTarget]
    /// The obligations that apply, by id.
    public var obligations: [PlannedObligation]
    /// Obligations of the organisation's sector left out because of their dates.
    public var excluded: [ExcludedObligation]
    /// The programmes chosen, in the order chosen.
    public var choices: [ProgrammeChoice]
    /// Completed trainings and what they still cover.
    public var completed: [CompletedCoverage]
    /// Obligations, or parts of them, that nothing in the catalogue covers (organisational
    /// measures are listed here too, with that reason, but their status says so).
    public var gaps: [PlanGap]
    /// Obligation–target pairs whose chosen programme lacks evidence for a needed property.
    public var verifications: [PlanVerification] = []
    /// Obligations of the sector that bind the State or a sector body: context, never covered or gap.
    public var context: [ContextObligation] = []
    /// Sessions placed on dates, by date, then in scheduling order (staff, learners, parents).
    public var sessions: [PlannedSession]
    /// Sessions that could not be placed, with the reason.
    public var unplaced: [UnplacedSession]
    /// Warnings and remarks (expiring obligations, unknown refresh intervals, languages).
    public var notes: [String]

    /// The target with this id.
    public func target(id: String) -> PlanTarget? { targets.first { $0.id == id } }
}

/// An obligation that applies to the organisation, with its status per target.
public struct PlannedObligation: Sendable, Hashable {
    /// The requirement's id.
    public var requirementID: String
    /// How binding it is.
    public var strength: Strength
    /// A warning about its dates (`expires on 2026-12-31, inside the plan period`).
    public var warning: String?
    /// Per bound target: what covers it.
    public var targets: [TargetCoverage]
    /// Every programme that could meet it for at least one target, by id (in id order).
    public var candidates: ProgrammeIDList
    /// Whom it binds (`organisation` or `staff`).
    public var binds: Binds = "staff"

    /// The obligation's status: organisational measure; covered when every target is; gap when
    /// some target has no candidate; otherwise to verify.
    public var status: CoverageStatus {
        if targets.contains(where: { $0.status == .organisationalMeasure }) { return .organisationalMeasure }
        if targets.allSatisfy({ $0.status == .covered }) { return .covered }
        if targets.contains(where: { $0.status == .gap }) { return .gap }
        return .toVerify
    }

    /// Whether every bound target is covered by a programme that shows every needed property.
    public var isCovered: Bool { status == .covered }
}

/// The status of an obligation, or of one of its targets, in a plan.
public enum CoverageStatus: String, Sendable, Hashable, CaseIterable {
    /// A chosen or completed programme shows every property the obligation needs.
    case covered
    /// A programme is chosen, but the catalogue lacks evidence for a needed property (named).
    case toVerify = "to-verify"
    /// Nothing in the catalogue can meet it.
    case gap
    /// A measure the organisation arranges itself (a certificate, a code, an appointment).
    case organisationalMeasure = "organisational-measure"
    /// It does not apply in the plan period (see ``Plan/excluded``).
    case notApplicable = "not-applicable"
}

/// A chosen programme that may meet an obligation for some targets once the named properties are verified.
public struct PlanVerification: Sendable, Hashable {
    /// The requirement's id.
    public var requirementID: String
    /// Its strength.
    public var strength: Strength
    /// The targets concerned.
    public var targetIDs: [String]
    /// The chosen programme.
    public var programmeID: String
    /// What the catalogue does not show about it (`feature practical-cases: …`).
    public var missing: [String]
}

/// An obligation of the organisation's sector that binds the State or a sector body: shown
/// as context ("the Committee asks the Netherlands to …"), never covered or a gap.
public struct ContextObligation: Sendable, Hashable {
    /// The requirement's id.
    public var requirementID: String
    /// Its strength.
    public var strength: Strength
    /// Whom it binds (`state` or `sector`).
    public var binds: Binds
    /// A sentence for the plan.
    public var text: String
}

/// How one target of one obligation is covered.
public struct TargetCoverage: Sendable, Hashable {
    /// The target's id.
    public var targetID: String
    /// Chosen programmes that meet it, in choice order.
    public var coveredBy: [String]
    /// A completed training that still meets it.
    public var completedBy: String?
    /// Why nothing meets it, when nothing does.
    public var gap: GapReason?
    /// Its status for this target.
    public var status: CoverageStatus = .gap
    /// The properties the chosen programme lacks evidence for, when the status is to verify.
    public var missing: [String] = []
}

/// An obligation of the organisation's sector that does not apply because of its dates.
public struct ExcludedObligation: Sendable, Hashable {
    /// The requirement's id.
    public var requirementID: String
    /// Why: `expired on 2026-12-31, before the period starts`.
    public var reason: String
}

/// A programme chosen for the plan, with what it covers and why it was chosen.
///
/// The explanation is kept as facts; ``rationale`` turns them into a sentence when a renderer
/// asks, so planning many profiles does not pay for text nobody reads.
public struct ProgrammeChoice: Sendable, Hashable {
    /// One obligation–target pair it covers.
    public struct Coverage: Sendable, Hashable {
        /// The requirement's id.
        public var requirementID: String
        /// Its strength.
        public var strength: Strength
        /// The target's id.
        public var targetID: String
        /// The target's display label.
        public var targetLabel: String
        /// Whether the completion pass added it (after the weighted set cover), with what it adds.
        public var completion: String?
    }

    /// The facts behind the choice.
    public struct Explanation: Sendable, Hashable {
        /// The weight of the pairs it met when chosen by the set cover.
        public var gain: Int
        /// The programme's evidence level.
        public var evidence: EvidenceLevel
        /// Its age range, when learner groups are among its targets.
        public var ages: AgeRange?
        /// Its education levels, when learner groups are among its targets.
        public var levels: [EducationLevel]
        /// The learner groups it reaches.
        public var learnerLabels: [String]
        /// Roles of its staff targets that it names.
        public var namedRoles: [Role]
        /// The organisation's sector, when it names it and reaches staff.
        public var namedSector: Sector?
    }

    /// The programme's id.
    public var programmeID: String
    /// 1 for the first choice, and so on.
    public var rank: Int
    /// What it covers, by obligation then target.
    public var covers: [Coverage]
    /// `set-cover` when chosen for coverage, `completion` when added to complete a binding
    /// obligation's topics or as the catalogue's named answer to its recommendation.
    public var reason: String
    /// The facts behind the choice.
    public var explanation: Explanation

    /// A sentence that explains the choice.
    public var rationale: String {
        var parts: [String] = []
        let chosen = covers.filter { $0.completion == nil }, completed = covers.filter { $0.completion != nil }
        if reason == "set-cover" {
            parts.append("Choice \(rank) of the weighted set cover: it meets \(chosen.count) obligation–target "
                         + "pair\(chosen.count == 1 ? "" : "s") not met before (weight \(explanation.gain)): "
                         + Self.grouped(chosen) + ".")
        }
        if !completed.isEmpty {
            parts.append((reason == "completion" ? "Added to complete binding obligations: " : "It also completes: ")
                         + Self.grouped(completed) + ".")
        }
        parts.append("Evidence: \(explanation.evidence).")
        var made: [String] = []
        if !explanation.namedRoles.isEmpty { made.append("the role " + explanation.namedRoles.map(\.rawValue).joined(separator: ", ")) }
        if let sector = explanation.namedSector { made.append("the \(sector) sector") }
        if !made.isEmpty { parts.append("It is made for " + made.joined(separator: " in ") + ".") }
        if !explanation.learnerLabels.isEmpty {
            let names = explanation.learnerLabels.joined(separator: ", ")
            if let ages = explanation.ages {
                parts.append("Its ages \(ages) fit \(names).")
            } else {
                parts.append("It states no ages; it fits \(names) by education level "
                             + explanation.levels.map(\.rawValue).joined(separator: "/") + ".")
            }
        }
        return parts.joined(separator: " ")
    }

    /// `reporting-code (law) for teacher, school-leader; …`, pairs grouped by obligation.
    static func grouped(_ pairs: [Coverage]) -> String {
        var groups: [(head: Coverage, labels: [String])] = []
        for pair in pairs {
            if let last = groups.last, last.head.requirementID == pair.requirementID {
                groups[groups.count - 1].labels.append(pair.targetLabel)
            } else {
                groups.append((pair, [pair.targetLabel]))
            }
        }
        return groups.map { group in
            var text = "\(group.head.requirementID) (\(group.head.strength)) for \(group.labels.joined(separator: ", "))"
            if let detail = group.head.completion, !detail.isEmpty { text += " — " + detail }
            return text
        }.joined(separator: "; ")
    }
}

/// A completed training and the obligations it still meets.
public struct CompletedCoverage: Sendable, Hashable {
    /// The training as the profile gives it.
    public var training: CompletedTraining
    /// Requirement ids it still covers, by id.
    public var covers: [String]
    /// `covers until 2027-09-15`, `no refresh interval known`, `refresh overdue since …`.
    public var status: String
}

/// An obligation (or some of its targets) that nothing in the catalogue covers.
public struct PlanGap: Sendable, Hashable {
    /// The requirement's id.
    public var requirementID: String
    /// Its strength.
    public var strength: Strength
    /// The targets left uncovered.
    public var targetIDs: [String]
    /// Why.
    public var reason: GapReason
}

/// One session on a date.
public struct PlannedSession: Sendable, Hashable {
    /// `[refresh.]PROGRAMME.TARGET.PART`, unique within the plan; the calendar UID derives from it.
    public var id: String { SessionIdentity.id(programmeID, targetID, part, isRefresher) }
    /// The date.
    public var date: CalendarDate
    /// The programme delivered.
    public var programmeID: String
    /// The target trained.
    public var targetID: String
    /// 1-based number of this session among the target's sessions of the programme.
    public var part: Int
    /// How many sessions the target needs for the programme.
    public var parts: Int
    /// Participants in this session.
    public var participants: Int
    /// Whether it is a refresher of a completed training.
    public var isRefresher: Bool
    /// The obligations it serves, by id.
    public var requirementIDs: [String]
}

/// A session that could not be placed.
public struct UnplacedSession: Sendable, Hashable {
    /// The id it would have had.
    public var id: String { SessionIdentity.id(programmeID, targetID, part, isRefresher) }
    /// The programme.
    public var programmeID: String
    /// The target.
    public var targetID: String
    /// 1-based number of the first session this entry stands for, among the target's
    /// sessions of the programme.
    public var part: Int
    /// How many sessions, from `part` on, this entry stands for (the rest of the delivery).
    public var sessions: Int
    /// Whether it is a refresher of a completed training.
    public var isRefresher: Bool
    /// Participants they would have had, together.
    public var participants: Int
    /// Why they could not be placed.
    public var reason: String

    /// Creates an entry for `sessions` sessions from `part` on.
    public init(programmeID: String, targetID: String, part: Int, sessions: Int = 1, isRefresher: Bool,
                participants: Int, reason: String) {
        self.programmeID = programmeID
        self.targetID = targetID
        self.part = part
        self.sessions = sessions
        self.isRefresher = isRefresher
        self.participants = participants
        self.reason = reason
    }
}

/// How session ids are formed; derived on demand so planning never builds them.
enum SessionIdentity {
    static func id(_ programmeID: String, _ targetID: String, _ part: Int, _ isRefresher: Bool) -> String {
        (isRefresher ? "refresh." : "") + programmeID + "." + targetID + "." + String(part)
    }
}
