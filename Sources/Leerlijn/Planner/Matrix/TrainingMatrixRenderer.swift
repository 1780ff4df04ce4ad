import LeerlijnXML

/// Renders a ``TrainingMatrix`` as JSON, XML (`trainingMatrix` in `plan.xsd`), CSV or text.
public enum TrainingMatrixRenderer {
    /// The bytes of `matrix` in `format`; `nil` for iCalendar, which a matrix has no dates for.
    public static func render(_ matrix: TrainingMatrix, as format: PlanOutputFormat, catalogue: Catalogue) -> [UInt8]? {
        switch format {
        case .json:
            let value: JSONValue = [
                "format": "leerlijn-training-matrix", "version": 1, "sector": .string(matrix.sector.rawValue),
                "role": .optional(matrix.role?.rawValue), "asOf": .optional(matrix.asOf?.description),
                "obligations": .array(matrix.rows.map { row in
                    ["id": .string(row.requirementID), "strength": .string(row.strength.rawValue),
                     "audiences": .strings(row.audiences), "candidates": .strings(row.candidates), "gap": .optional(row.gap),
                     "binds": .string(row.binds.rawValue), "status": .string(row.status), "missing": .strings(row.missing)]
                }),
            ]
            return value.serialized(pretty: true) + [0x0A]
        case .xml:
            var xml = XMLByteWriter()
            xml.start("trainingMatrix", attributes: ["xmlns": PlanXMLRenderer.namespace, "version": "1",
                                                     "sector": matrix.sector.rawValue])
            if let role = matrix.role { xml.attribute("role", role.rawValue) }
            if let asOf = matrix.asOf { xml.attribute("asOf", asOf.description) }
            for row in matrix.rows {
                xml.start("obligation", attributes: ["id": row.requirementID, "strength": row.strength.rawValue,
                                                     "binds": row.binds.rawValue, "status": row.status])
                for audience in row.audiences { xml.element("audience", audience) }
                for id in row.candidates {
                    guard let programme = catalogue.programme(id: id) else { continue }
                    xml.start("candidate", attributes: ["programme": id, "evidence": programme.evidence.rawValue])
                    if let ages = programme.ageRange {
                        xml.attribute("minAge", String(ages.min))
                        xml.attribute("maxAge", String(ages.max))
                    }
                    xml.end()
                }
                if let gap = row.gap { xml.element("gap", gap) }
                for missing in row.missing { xml.element("missing", missing) }
                xml.end()
            }
            return xml.finish()
        case .csv:
            var csv = CSVWriter(header: ["obligation", "strength", "audiences", "candidates", "gap", "binds", "status", "missing"])
            for row in matrix.rows {
                csv.appendRow([row.requirementID, row.strength.rawValue, row.audiences.joined(separator: " "),
                               row.candidates.joined(separator: " "), row.gap ?? "", row.binds.rawValue, row.status,
                               row.missing.joined(separator: "; ")])
            }
            return csv.bytes
        case .html:
            return TrainingMatrixHTML.render(matrix)
        case .text:
            var out = "Training matrix: sector \(matrix.sector)" + (matrix.role.map { ", role \($0)" } ?? "")
                + (matrix.asOf.map { ", as of \($0)" } ?? "") + "\n\n"
            let width = max(12, (matrix.rows.map(\.requirementID.count).max() ?? 0) + 2)
            out += PlanTextRenderer.pad("obligation", width) + PlanTextRenderer.pad("strength", 11)
                + PlanTextRenderer.pad("status", 24) + "candidates\n"
            for row in matrix.rows {
                out += PlanTextRenderer.pad(row.requirementID, width) + PlanTextRenderer.pad(row.strength.rawValue, 11)
                    + PlanTextRenderer.pad(row.status, 24)
                    + (row.candidates.isEmpty ? "GAP: " + (row.gap ?? "") : row.candidates.joined(separator: ", "))
                    + (row.missing.isEmpty ? "" : " (to verify: " + row.missing.joined(separator: "; ") + ")") + "\n"
            }
            return Array(out.utf8)
        case .ics:
            return nil
        }
    }
}
