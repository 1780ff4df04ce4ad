/// Writes a plan as JSON (`plan.schema.json`): keys sorted, stable.
///
/// ``value(_:)`` is the document as one ``JSONValue``; ``render(_:)`` writes the same bytes
/// through ``JSONStreamWriter``, streaming the obligations (at 100,000 programmes their
/// candidate lists are nearly all of the document) and serialising every other member from its
/// ``JSONValue`` in place (a test compares the two on every bundled and random profile).
struct PlanJSONRenderer {
    let catalogue: Catalogue

    func render(_ plan: Plan) -> [UInt8] {
        let members = members(plan, withObligations: false)
        // Room for the whole document at once (a candidate id takes its bytes plus ten: comma,
        // line break, six spaces, quotes; the other members a margin), so the buffer is not
        // grown and copied on the way. Room never written is never touched.
        let size = plan.obligations.reduce(4096) { total, obligation in
            total + 512 + obligation.candidates.utf8Count + 12 * obligation.candidates.count + obligation.targets.count * 256
        }
        var json = JSONStreamWriter(reservingCapacity: size + size / 4 + 65_536)
        json.beginObject()
        // The members in byte order of their keys, "obligations" (no value here) streamed in its place.
        let ordered = (members.map { ($0.key, Optional($0.value)) } + [("obligations", nil)])
            .sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        for (key, value) in ordered {
            json.key(dynamic: key)
            if let value {
                json.value(value)
            } else {
                writeObligations(plan.obligations, into: &json)
            }
        }
        json.endObject()
        json.raw(0x0A)
        return json.takeBytes()
    }

    /// `obligations`, as ``value(_:)`` has it (keys in byte order).
    private func writeObligations(_ obligations: [PlannedObligation], into json: inout JSONStreamWriter) {
        json.beginArray()
        for obligation in obligations {
            json.element()
            json.beginObject()
            json.member("binds", obligation.binds.rawValue)
            json.key("candidates")
            json.strings(obligation.candidates)
            json.key("covered")
            json.bool(obligation.isCovered)
            json.member("id", obligation.requirementID)
            json.member("status", obligation.status.rawValue)
            json.member("strength", obligation.strength.rawValue)
            json.key("targets")
            json.value(targets(obligation))
            json.key("warning")
            json.optional(obligation.warning)
            json.endObject()
        }
        json.endArray()
    }

    private func targets(_ obligation: PlannedObligation) -> JSONValue {
        .array(obligation.targets.map { coverage in
            [
                "target": .string(coverage.targetID), "coveredBy": .strings(coverage.coveredBy),
                "completedBy": .optional(coverage.completedBy), "gap": .optional(coverage.gap?.description),
                "status": .string(coverage.status.rawValue), "missing": .strings(coverage.missing),
            ]
        })
    }

    private func ages(_ range: AgeRange?) -> JSONValue {
        range.map { ["min": .int($0.min), "max": .int($0.max)] } ?? .null
    }

    private func title(_ programmeID: String) -> JSONValue {
        guard let programme = catalogue.programme(id: programmeID) else { return .null }
        return ["nl": .string(programme.title.nl), "en": .string(programme.title.en)]
    }

    /// The whole document as one value.
    func value(_ plan: Plan) -> JSONValue {
        .object(members(plan, withObligations: true))
    }

    /// The document's members, `obligations` only when asked for.
    private func members(_ plan: Plan, withObligations: Bool) -> [String: JSONValue] {
        let profile = plan.profile
        let uids = PlanICSRenderer.uids(plan)
        var members: [String: JSONValue] = [
            "format": "leerlijn-plan",
            "version": 1,
            "asOf": .string(plan.asOf.description),
            "profile": [
                "id": .string(profile.id), "name": .string(profile.name), "kind": .string(profile.kind.rawValue),
                "sector": .string(profile.sector.rawValue),
                "period": ["start": .string(profile.periodStart.description), "end": .string(profile.periodEnd.description)],
            ],
            "targets": .array(plan.targets.map { target in
                [
                    "id": .string(target.id), "label": .string(target.label), "kind": .string(PlanTextRenderer.kind(target)),
                    "audience": .string(target.audience.rawValue), "headcount": .int(target.headcount),
                    "ages": ages(target.ages), "levels": .strings(target.levels.map(\.rawValue)),
                ]
            }),
            "excluded": .array(plan.excluded.map { ["id": .string($0.requirementID), "reason": .string($0.reason)] }),
            "choices": .array(plan.choices.map { choice in
                [
                    "programme": .string(choice.programmeID), "title": title(choice.programmeID), "rank": .int(choice.rank),
                    "reason": .string(choice.reason), "rationale": .string(choice.rationale),
                    "covers": .array(choice.covers.map {
                        ["obligation": .string($0.requirementID), "strength": .string($0.strength.rawValue),
                         "target": .string($0.targetID)]
                    }),
                ]
            }),
            "completed": .array(plan.completed.map { entry in
                [
                    "programme": .string(entry.training.programmeID), "role": .optional(entry.training.role?.rawValue),
                    "date": .string(entry.training.date.description),
                    "refreshMonths": entry.training.refreshMonths.map(JSONValue.int) ?? .null,
                    "covers": .strings(entry.covers), "status": .string(entry.status),
                ]
            }),
            "gaps": .array(plan.gaps.map { gap in
                [
                    "obligation": .string(gap.requirementID), "strength": .string(gap.strength.rawValue),
                    "targets": .strings(gap.targetIDs), "reason": .string(gap.reason.description),
                ]
            }),
            "verify": .array(plan.verifications.map { item in
                [
                    "obligation": .string(item.requirementID), "strength": .string(item.strength.rawValue),
                    "targets": .strings(item.targetIDs), "programme": .string(item.programmeID),
                    "missing": .strings(item.missing),
                ]
            }),
            "context": .array(plan.context.map { item in
                [
                    "obligation": .string(item.requirementID), "strength": .string(item.strength.rawValue),
                    "binds": .string(item.binds.rawValue), "text": .string(item.text),
                ]
            }),
            "sessions": .array(plan.sessions.map { session in
                [
                    "id": .string(session.id), "uid": .string(uids[session.id] ?? session.id),
                    "date": .string(session.date.description), "weekday": .string(Weekday.name(session.date.isoWeekday)),
                    "programme": .string(session.programmeID), "target": .string(session.targetID),
                    "part": .int(session.part), "parts": .int(session.parts), "participants": .int(session.participants),
                    "refresher": .bool(session.isRefresher), "obligations": .strings(session.requirementIDs),
                ]
            }),
            "unplaced": .array(plan.unplaced.map { session in
                [
                    "id": .string(session.id), "programme": .string(session.programmeID), "target": .string(session.targetID),
                    "participants": .int(session.participants), "reason": .string(session.reason),
                    "part": .int(session.part), "sessions": .int(session.sessions),
                ]
            }),
            "notes": .strings(plan.notes),
            "summary": [
                "obligations": .int(plan.obligations.count),
                "covered": .int(plan.obligations.filter(\.isCovered).count),
                "toVerify": .int(plan.obligations.filter { $0.status == .toVerify }.count),
                "organisational": .int(plan.obligations.filter { $0.status == .organisationalMeasure }.count),
                "notApplicable": .int(plan.excluded.count), "context": .int(plan.context.count),
                "gaps": .int(plan.gaps.count), "sessions": .int(plan.sessions.count), "unplaced": .int(plan.unplaced.map(\.sessions).reduce(0, +)),
            ],
        ]
        if withObligations {
            members["obligations"] = .array(plan.obligations.map { obligation in
                [
                    "id": .string(obligation.requirementID), "strength": .string(obligation.strength.rawValue),
                    "warning": .optional(obligation.warning), "covered": .bool(obligation.isCovered),
                    "status": .string(obligation.status.rawValue), "binds": .string(obligation.binds.rawValue),
                    "candidates": .strings(obligation.candidates),
                    "targets": targets(obligation),
                ]
            })
        }
        return members
    }
}
