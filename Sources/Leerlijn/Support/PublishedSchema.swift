/// A schema that Leerlijn publishes, embedded in the library from its one file in `Catalog/schema/`.
///
/// The loader compiles ``catalogueXSD`` and ``profileXSD`` from memory (loading a schema from a
/// path is refused by the deny-all entity loader), and the exporter copies the export and plan
/// schemas into `Exports/` byte for byte. SwiftPM embeds the files at build time
/// (`resources: [.embedInCode(…)]`), so there is no generated copy to keep in step and no
/// resource bundle to lose at run time.
public enum PublishedSchema: String, CaseIterable, Sendable {
    /// The catalogue source format: programmes, obligations and the vocabulary (`catalogue.xsd`).
    case catalogueXSD = "catalogue.xsd"
    /// The JSON Schema of the `catalogue.json` export (`export-catalogue.schema.json`).
    case exportCatalogueSchemaJSON = "export-catalogue.schema.json"
    /// The XSD of the `catalogue.xml` export (`export-catalogue.xsd`).
    case exportCatalogueXSD = "export-catalogue.xsd"
    /// The JSON Schema of a plan in JSON (`plan.schema.json`).
    case planSchemaJSON = "plan.schema.json"
    /// The XSD of a plan in XML (`plan.xsd`).
    case planXSD = "plan.xsd"
    /// The JSON Schema of an organisation profile in JSON (`profile.schema.json`).
    case profileSchemaJSON = "profile.schema.json"
    /// The XSD of an organisation profile in XML (`profile.xsd`).
    case profileXSD = "profile.xsd"

    /// The file name in `Catalog/schema/`.
    public var fileName: String { rawValue }

    /// The file's bytes, exactly as in `Catalog/schema/` (UTF-8, final newline included).
    public var bytes: [UInt8] {
        switch self {
        case .catalogueXSD: PackageResources.catalogue_xsd
        case .exportCatalogueSchemaJSON: PackageResources.export_catalogue_schema_json
        case .exportCatalogueXSD: PackageResources.export_catalogue_xsd
        case .planSchemaJSON: PackageResources.plan_schema_json
        case .planXSD: PackageResources.plan_xsd
        case .profileSchemaJSON: PackageResources.profile_schema_json
        case .profileXSD: PackageResources.profile_xsd
        }
    }

    /// The file's text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
