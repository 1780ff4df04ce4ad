/// The generic training matrix of a sector (and optionally a role), without a profile:
/// every obligation that applies × the programmes that could meet it.
///
/// An obligation is a row when it is in force on the as-of date (all are, without one),
/// applies to the sector, and — with a role — either names that role or names no role and
/// binds staff (professionals or volunteers). A candidate meets the obligation's topics,
/// audiences, accessibility and peer-led needs, is active (and available on the as-of date),
/// is meant for the sector when it names sectors, and trains the role when it names roles.
/// Ages are not filtered: the matrix has no learners; candidates show their ages instead.
public struct TrainingMatrix: Sendable, Hashable {
    /// One obligation and its candidates.
    public struct Row: Sendable, Hashable {
        /// The requirement's id.
        public var requirementID: String
        /// Its strength.
        public var strength: Strength
        /// The audiences it binds.
        public var audiences: [String]
        /// Candidate programme ids, strongest evidence first, then by id.
        public var candidates: [String]
        /// Why there is no candidate, when there is none.
        public var gap: String?
        /// Whom it binds; `state` and `sector` rows are context, not a training duty.
        public var binds: Binds = "staff"
        /// `covered` when a candidate shows every needed property, `to-verify` when candidates
        /// lack evidence for one, `gap`, `organisational-measure`, or `context`.
        public var status: String = "gap"
        /// What the candidates lack evidence for, when the status is `to-verify` (first candidate's).
        public var missing: [String] = []
    }

    /// The sector.
    public var sector: Sector
    /// The role, when given.
    public var role: Role?
    /// The as-of date, when given.
    public var asOf: CalendarDate?
    /// The rows, by strength (law first) then id.
    public var rows: [Row]

    /// Builds the matrix.
    ///
    /// - Parameters:
    ///   - index: The planner's catalogue index.
    ///   - sector: A sector id from the vocabulary.
    ///   - role: A role id, or `nil` for every role.
    ///   - asOf: Only obligations in force and programmes available on this date; all when `nil`.
    public init(index: PlannerIndex, sector: Sector, role: Role?, asOf: CalendarDate?) {
        self.sector = sector
        self.role = role
        self.asOf = asOf
        let masks = index.masks
        let sectorBit = masks.bit(sector), roleBit = role.map { masks.bit($0) } ?? 0
        var rows: [(rank: Int, row: Row)] = []
        for (r, requirement) in index.requirements.enumerated() {
            let model = index.catalogue.requirements[r]
            guard model.isInForce(on: asOf), requirement.appliesSectors == 0 || requirement.appliesSectors & sectorBit != 0
            else { continue }
            let bound = requirement.appliesAudiences != 0 ? requirement.appliesAudiences
                : (requirement.needsAudiences != 0 ? requirement.needsAudiences : index.staffAudiences)
            if role != nil {
                if requirement.appliesRoles != 0 {
                    guard requirement.appliesRoles & roleBit != 0 else { continue }
                } else if bound & index.staffAudiences == 0 {
                    continue
                }
            }
            let candidates = requirement.candidates.filter { p in
                let entry = index.programmes[p]
                guard entry.isAvailable(on: asOf), entry.sectors == 0 || entry.sectors & sectorBit != 0 else { return false }
                if role != nil {
                    guard entry.roles == 0 || entry.roles & roleBit != 0, entry.audiences & index.staffAudiences != 0
                    else { return false }
                }
                return true
            }.sorted { (-index.programmes[$0].evidenceRank, $0) < (-index.programmes[$1].evidenceRank, $1) }
            let audiences = model.appliesTo.audiences.isEmpty
                ? (model.needs.audiences.isEmpty ? ["professionals", "volunteers"] : model.needs.audiences.map(\.rawValue))
                : model.appliesTo.audiences.map(\.rawValue)
            var gap: String?
            if requirement.isOrganisational {
                gap = GapReason.organisationalMeasure.description
            } else if candidates.isEmpty {
                gap = "no active programme in the catalogue meets it for sector \(sector)"
                    + (role.map { " and role \($0)" } ?? "")
            }
            var status = gap == nil ? "covered" : "gap"
            var missing: [String] = []
            if !requirement.isPlanTarget {
                status = "context"
            } else if requirement.isOrganisational {
                status = CoverageStatus.organisationalMeasure.rawValue
            } else if !candidates.isEmpty {
                let lacking = candidates.map { index.missingEvidence(programme: $0, requirement: r) }
                if !lacking.contains(where: \.isEmpty) {
                    status = CoverageStatus.toVerify.rawValue
                    missing = lacking.first ?? []
                }
            }
            rows.append((requirement.strengthRank, Row(
                requirementID: index.requirementIDs[r], strength: index.requirementStrengths[r], audiences: audiences,
                candidates: candidates.map { index.programmeIDs[$0] }, gap: gap, binds: model.binds,
                status: status, missing: missing)))
        }
        self.rows = rows.sorted { ($0.rank, $0.row.requirementID) < ($1.rank, $1.row.requirementID) }.map(\.row)
    }
}
