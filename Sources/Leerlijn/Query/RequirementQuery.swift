/// "What must a sports club's coaches follow?": the obligations that bind a sector, role,
/// audience or learner age, in force on a day.
///
/// An obligation's empty `appliesTo` list means "any". A role stands for staff, so when a
/// role is given, obligations aimed only at children, parents or the general public are left
/// out. Results are ordered by strength (law first) and then id.
public struct RequirementQuery: Sendable, Hashable {
    public var sector: Sector?
    public var role: Role?
    public var audience: Audience?
    /// A learner age the obligation concerns.
    public var age: Int?
    /// Only obligations in force on this day.
    public var asOf: CalendarDate?

    /// Creates a query.
    public init(sector: Sector? = nil, role: Role? = nil, audience: Audience? = nil, age: Int? = nil,
                asOf: CalendarDate? = nil) {
        self.sector = sector
        self.role = role
        self.audience = audience
        self.age = age
        self.asOf = asOf
    }

    /// Whether `requirement` binds whom this query describes.
    public func applies(_ requirement: Requirement) -> Bool {
        let scope = requirement.appliesTo
        if let sector, !scope.sectors.isEmpty, !scope.sectors.contains(sector) { return false }
        if let role, !scope.roles.isEmpty, !scope.roles.contains(role) { return false }
        if let audience, !scope.audiences.isEmpty, !scope.audiences.contains(audience) { return false }
        if role != nil, audience == nil, !scope.audiences.isEmpty,
           !scope.audiences.contains("professionals"), !scope.audiences.contains("volunteers") { return false }
        if let age, let ages = scope.learnerAges, !ages.closed.contains(age) { return false }
        return requirement.isInForce(on: asOf)
    }

    /// The obligations that apply, strongest first.
    public func run(on catalogue: Catalogue) -> [Requirement] {
        catalogue.requirements.filter(applies).sorted {
            (catalogue.vocabulary.rank($0.strength), $0.id) < (catalogue.vocabulary.rank($1.strength), $1.id)
        }
    }
}
