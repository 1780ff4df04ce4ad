/// From choices to dated sessions.
///
/// At most ``Limits/sessionsPerPlan`` sessions are placed; the sessions of a delivery that do
/// not fit are one ``UnplacedSession`` entry (first part and count), so a plan's size is
/// bounded by its deliveries, never by headcounts.
///
/// Each chosen programme is delivered once to each target it covers; a target larger than
/// the session capacity gets several sessions, with participants split as evenly as possible.
/// A delivery's window runs from the later of the as-of date, the period's start and the
/// programme's first day, to the earliest of the period's end, the programme's last day and
/// the latest expiry among the obligations it serves (so an expiring agreement is trained
/// before it ends). Refreshers of completed trainings are placed from their due date.
extension Planner {
    func schedule(_ context: PlanningContext, _ cover: WeightedSetCover,
                  _ refreshers: [(programme: Int, target: Int, due: CalendarDate, requirements: [Int])],
                  asOf: CalendarDate, into plan: inout Plan) {
        let profile = context.profile
        let capacity = max(1, profile.constraints.sessionCapacity)
        let firstDay = max(asOf, profile.periodStart)
        var deliveries: [(target: Int, rank: Int, programme: Int, requirements: [Int])] = []
        var slot: [Int: Int] = [:]
        for (rank, choice) in cover.choices.enumerated() {
            for i in choice.items + choice.completionItems {
                let item = cover.items[i]
                let key = item.target * index.programmes.count + choice.programme
                if let existing = slot[key] {
                    if !deliveries[existing].requirements.contains(item.requirement) {
                        deliveries[existing].requirements.append(item.requirement)
                    }
                } else {
                    slot[key] = deliveries.count
                    deliveries.append((item.target, rank, choice.programme, [item.requirement]))
                }
            }
        }
        deliveries.sort { ($0.target, $0.rank) < ($1.target, $1.rank) }
        var requests: [SessionRequest] = []
        requests.reserveCapacity(deliveries.count * 2 + refreshers.count)
        for delivery in deliveries {
            requests += self.requests(context, programme: delivery.programme, target: delivery.target,
                                      requirements: delivery.requirements.sorted(), from: firstDay,
                                      capacity: capacity, refresher: false)
        }
        for refresher in refreshers.sorted(by: { ($0.due, $0.target, $0.programme) < ($1.due, $1.target, $1.programme) }) {
            requests += self.requests(context, programme: refresher.programme, target: refresher.target,
                                      requirements: refresher.requirements.sorted(), from: max(firstDay, refresher.due),
                                      capacity: capacity, refresher: true)
        }
        var scheduler = SessionScheduler(start: firstDay, end: profile.periodEnd, constraints: profile.constraints,
                                         blackouts: profile.blackouts)
        var sessions: [PlannedSession] = []
        let cap = Limits.sessionsPerPlan.range.upperBound
        for request in requests {
            var part = 1
            while part <= request.parts {
                guard sessions.count < cap else {
                    plan.unplaced.append(unplaced(request, from: part,
                                                  reason: "the plan already holds \(cap) sessions, the most one plan lists "
                                                    + "(Limits: sessions per plan); plan a shorter period or fewer people"))
                    break
                }
                guard let date = scheduler.place(request) else {
                    // The calendar only fills up: a part that does not fit means no later part of
                    // the same delivery (same window) fits either. One entry stands for them all.
                    plan.unplaced.append(unplaced(request, from: part, reason: scheduler.reason(for: request)))
                    break
                }
                sessions.append(PlannedSession(date: date, programmeID: request.programmeID,
                                               targetID: request.targetID, part: part, parts: request.parts,
                                               participants: request.participants(part: part),
                                               isRefresher: request.isRefresher, requirementIDs: request.requirementIDs))
                part += 1
            }
        }
        // Stable by date: on one day, sessions keep the request order (staff, learners, parents).
        var order = Array(sessions.indices)
        order.sort { (sessions[$0].date, $0) < (sessions[$1].date, $1) }
        sessions = order.map { sessions[$0] }
        plan.sessions = sessions
    }

    private func unplaced(_ request: SessionRequest, from part: Int, reason: String) -> UnplacedSession {
        UnplacedSession(programmeID: request.programmeID, targetID: request.targetID, part: part,
                        sessions: request.parts - part + 1, isRefresher: request.isRefresher,
                        participants: request.participants(from: part, through: request.parts), reason: reason)
    }

    private func requests(_ context: PlanningContext, programme p: Int, target t: Int, requirements: [Int],
                          from firstDay: CalendarDate, capacity: Int, refresher: Bool) -> [SessionRequest] {
        let target = context.targets[t], entry = index.programmes[p], programmeID = index.programmeIDs[p]
        var earliest = firstDay
        if let from = entry.validFrom, from > earliest { earliest = from }
        var latest = context.profile.periodEnd
        if let until = entry.validUntil, until < latest { latest = until }
        var expiry: CalendarDate?
        for r in requirements {
            guard let until = index.requirements[r].validUntil else { expiry = nil; break }
            expiry = max(expiry ?? until, until)
        }
        if let expiry, expiry < latest { latest = expiry }
        // Headcount and capacity are bounded (Limits), so this cannot overflow.
        let parts = max(1, (target.headcount + capacity - 1) / capacity)
        return [SessionRequest(programmeID: programmeID, targetID: target.id, parts: parts, headcount: target.headcount,
                               earliest: earliest, latest: latest, isRefresher: refresher,
                               requirementIDs: requirements.map { index.requirementIDs[$0] })]
    }
}
