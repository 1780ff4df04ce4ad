import Foundation
import Leerlijn

/// Shared helpers for the planner tests.
enum PlannerFixtures {
    static var profilesPath: String { TestSupport.packageRoot + "/Catalog/profiles" }

    /// The example profiles, by file name.
    static let exampleFiles = [
        "childcare-centre.xml", "hospital-department.json", "primary-school.xml", "prosecution-office.xml",
        "secondary-school.xml", "special-education-school.xml", "sports-club.json",
    ]

    static func planner() throws -> Planner { try Planner(catalogue: TestSupport.catalogue()) }

    static func profile(_ file: String) throws -> OrganisationProfile {
        try ProfileLoader(catalogue: TestSupport.catalogue()).load(path: profilesPath + "/" + file)
    }

    static func plan(_ file: String, asOf: CalendarDate? = nil) throws -> Plan {
        try planner().plan(for: profile(file), asOf: asOf)
    }

    static func text(_ file: String) throws -> String {
        try String(decoding: Data(contentsOf: URL(fileURLWithPath: profilesPath + "/" + file)), as: UTF8.self)
    }

    /// Writes `text` to a fresh temporary file named `name`; returns its path.
    static func write(_ text: String, name: String) throws -> String {
        let path = try TestSupport.temporaryDirectory("profile") + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso) ?? CalendarDate(daysSinceEpoch: 0) }
}
