import LeerlijnXML

/// Writes a plan as XML (`urn:leerlijn:plan:1`, `plan.xsd`) through ``XMLByteWriter``.
struct PlanXMLRenderer {
    /// The plan namespace.
    static let namespace = "urn:leerlijn:plan:1"

    let catalogue: Catalogue

    func render(_ plan: Plan) -> [UInt8] {
        var xml = XMLByteWriter()
        let profile = plan.profile
        xml.start("plan", attributes: ["xmlns": Self.namespace, "version": "1", "asOf": plan.asOf.description])
        xml.start("profile", attributes: ["id": profile.id, "kind": profile.kind.rawValue, "sector": profile.sector.rawValue,
                                          "start": profile.periodStart.description, "end": profile.periodEnd.description])
        xml.element("name", profile.name)
        xml.end()
        xml.start("targets")
        for target in plan.targets {
            xml.start("target", attributes: ["id": target.id, "label": target.label, "kind": PlanTextRenderer.kind(target),
                                             "audience": target.audience.rawValue, "headcount": String(target.headcount)])
            if let ages = target.ages {
                xml.attribute("minAge", String(ages.min))
                xml.attribute("maxAge", String(ages.max))
            }
            for level in target.levels { xml.element("level", level.rawValue) }
            xml.end()
        }
        xml.end()
        obligations(plan, &xml)
        choices(plan, &xml)
        xml.start("completed")
        for entry in plan.completed {
            xml.start("training", attributes: ["programme": entry.training.programmeID])
            if let role = entry.training.role { xml.attribute("role", role.rawValue) }
            xml.attribute("date", entry.training.date.description)
            if let months = entry.training.refreshMonths { xml.attribute("refreshMonths", String(months)) }
            for id in entry.covers { xml.element("covers", id) }
            xml.element("status", entry.status)
            xml.end()
        }
        xml.end()
        xml.start("gaps")
        for gap in plan.gaps {
            xml.start("gap", attributes: ["obligation": gap.requirementID, "strength": gap.strength.rawValue])
            for target in gap.targetIDs { xml.element("target", target) }
            xml.element("reason", gap.reason.description)
            xml.end()
        }
        xml.end()
        xml.start("verify")
        for item in plan.verifications {
            xml.start("item", attributes: ["obligation": item.requirementID, "strength": item.strength.rawValue,
                                           "programme": item.programmeID])
            for target in item.targetIDs { xml.element("target", target) }
            for missing in item.missing { xml.element("missing", missing) }
            xml.end()
        }
        xml.end()
        xml.start("context")
        for item in plan.context {
            xml.element("obligation", item.text, attributes: ["id": item.requirementID, "strength": item.strength.rawValue,
                                                              "binds": item.binds.rawValue])
        }
        xml.end()
        sessions(plan, &xml)
        xml.start("notes")
        for note in plan.notes { xml.element("note", note) }
        xml.end()
        return xml.finish()
    }

    private func obligations(_ plan: Plan, _ xml: inout XMLByteWriter) {
        xml.start("obligations")
        for obligation in plan.obligations {
            xml.start("obligation", attributes: ["id": obligation.requirementID, "strength": obligation.strength.rawValue,
                                                 "covered": obligation.isCovered ? "true" : "false",
                                                 "status": obligation.status.rawValue, "binds": obligation.binds.rawValue])
            if let warning = obligation.warning { xml.element("warning", warning) }
            for candidate in obligation.candidates { xml.element("candidate", candidate) }
            for coverage in obligation.targets {
                xml.start("coverage", attributes: ["target": coverage.targetID])
                if let completed = coverage.completedBy { xml.attribute("completedBy", completed) }
                xml.attribute("status", coverage.status.rawValue)
                for id in coverage.coveredBy { xml.element("coveredBy", id) }
                if let gap = coverage.gap { xml.element("gap", gap.description) }
                for missing in coverage.missing { xml.element("missing", missing) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
        xml.start("excluded")
        for entry in plan.excluded {
            xml.start("obligation", attributes: ["id": entry.requirementID, "reason": entry.reason])
            xml.end()
        }
        xml.end()
    }

    private func choices(_ plan: Plan, _ xml: inout XMLByteWriter) {
        xml.start("choices")
        for choice in plan.choices {
            xml.start("choice", attributes: ["programme": choice.programmeID, "rank": String(choice.rank),
                                             "reason": choice.reason])
            if let programme = catalogue.programme(id: choice.programmeID) {
                xml.element("title", programme.title.nl, attributes: ["lang": "nl"])
                xml.element("title", programme.title.en, attributes: ["lang": "en"])
            }
            xml.element("rationale", choice.rationale)
            for coverage in choice.covers {
                xml.start("covers", attributes: ["obligation": coverage.requirementID,
                                                 "strength": coverage.strength.rawValue, "target": coverage.targetID])
                xml.end()
            }
            xml.end()
        }
        xml.end()
    }

    private func sessions(_ plan: Plan, _ xml: inout XMLByteWriter) {
        let uids = PlanICSRenderer.uids(plan)
        xml.start("sessions")
        for session in plan.sessions {
            xml.start("session", attributes: [
                "id": session.id, "uid": uids[session.id] ?? session.id, "date": session.date.description,
                "weekday": Weekday.name(session.date.isoWeekday), "programme": session.programmeID,
                "target": session.targetID, "part": String(session.part), "parts": String(session.parts),
                "participants": String(session.participants), "refresher": session.isRefresher ? "true" : "false",
            ])
            for id in session.requirementIDs { xml.element("obligation", id) }
            xml.end()
        }
        xml.end()
        xml.start("unplaced")
        for session in plan.unplaced {
            xml.start("session", attributes: ["id": session.id, "programme": session.programmeID,
                                              "target": session.targetID, "participants": String(session.participants),
                                              "part": String(session.part), "sessions": String(session.sessions),
                                              "reason": session.reason])
            xml.end()
        }
        xml.end()
    }
}
