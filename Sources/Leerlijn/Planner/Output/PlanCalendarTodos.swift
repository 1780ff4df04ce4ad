/// What a plan's calendar lists as to-dos: gaps, organisational measures, programmes to
/// verify and sessions that could not be placed, in the plan's own order; or, when the plan has neither sessions nor
/// anything to act on, one review item so the calendar is never empty (RFC 5545 requires at
/// least one component).
struct PlanCalendarTodos {
    /// One `VTODO`.
    struct Item {
        /// Unique within the plan; the UID derives from it.
        var id: String
        var summary: String
        var description: String
        var category: String
        var due: CalendarDate?
    }

    let plan: Plan
    let catalogue: Catalogue

    var items: [Item] {
        var items: [Item] = []
        for gap in plan.gaps {
            let requirement = catalogue.requirement(id: gap.requirementID)
            let title = requirement?.title.nl ?? gap.requirementID
            let targets = gap.targetIDs.map { plan.target(id: $0)?.label ?? $0 }.joined(separator: ", ")
            let organisational = gap.reason == .organisationalMeasure
            items.append(Item(
                id: (organisational ? "measure." : "gap.") + gap.requirementID,
                summary: (organisational ? "Organisational measure: " : "Gap: ") + title,
                description: "Obligation: \(gap.requirementID) (\(gap.strength))\nFor: \(targets)\nWhy: \(gap.reason)",
                category: organisational ? "organisational measure" : "gap",
                due: dueDate(requirement)))
        }
        for verification in plan.verifications {
            let requirement = catalogue.requirement(id: verification.requirementID)
            let programme = catalogue.programme(id: verification.programmeID)?.title.nl ?? verification.programmeID
            let targets = verification.targetIDs.map { plan.target(id: $0)?.label ?? $0 }.joined(separator: ", ")
            items.append(Item(
                id: "verify.\(verification.requirementID).\(verification.programmeID)",
                summary: "To verify: \(programme) for \(requirement?.title.nl ?? verification.requirementID)",
                description: "Obligation: \(verification.requirementID) (\(verification.strength))\nFor: \(targets)"
                    + "\nProgramme: \(verification.programmeID)\nCheck: \(verification.missing.joined(separator: ", "))",
                category: "to verify",
                due: dueDate(requirement)))
        }
        for session in plan.unplaced {
            let title = catalogue.programme(id: session.programmeID)?.title.nl ?? session.programmeID
            let target = plan.target(id: session.targetID)?.label ?? session.targetID
            items.append(Item(
                id: "unplaced." + session.id,
                summary: "To schedule: \(session.isRefresher ? "Refresher: " : "")\(title) — \(target)",
                description: "Programme: \(session.programmeID)\nParticipants: \(session.participants) (\(target))"
                    + "\nWhy not placed: \(session.reason)",
                category: "to verify",
                due: nil))
        }
        if items.isEmpty && plan.sessions.isEmpty {
            items.append(Item(
                id: "review",
                summary: "Review the training plan of \(plan.profile.name)",
                description: "Nothing to schedule between \(plan.profile.periodStart) and \(plan.profile.periodEnd)"
                    + (plan.notes.isEmpty ? "." : ":\n" + plan.notes.joined(separator: "\n")),
                category: "to verify",
                due: plan.profile.periodEnd))
        }
        return items
    }

    /// The day the obligation comes into force, when that lies inside the plan's period.
    private func dueDate(_ requirement: Requirement?) -> CalendarDate? {
        guard let from = requirement?.validFrom, from > plan.asOf, from <= plan.profile.periodEnd else { return nil }
        return from
    }
}
