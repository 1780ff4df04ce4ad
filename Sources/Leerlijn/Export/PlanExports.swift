import Foundation

/// The `plans/` folder of the exports: the example profiles' plans and the sector training
/// matrices, built from the catalogue folder before anything is written.
///
/// Each profile under `profiles/` (`*.xml`, `*.json`) gives `plans/NAME.json`, `.xml`, `.ics`
/// and `.txt`; each sector gives `plans/matrix-SECTOR.json` and `.xml`. A profile that does
/// not load stops the export with its errors (exit 65) before any file is touched. The
/// plans are made as of each profile's own period start, so the bytes never depend on the day
/// the export runs.
public enum PlanExports {
    /// The example profiles of the catalogue folder `directory` (`profiles/*.xml`, `*.json`),
    /// sorted; none when it has no `profiles/` folder.
    ///
    /// - Throws: ``LeerlijnError/io(path:reason:)`` for a folder that cannot be read,
    ///   ``LeerlijnError/missingInput(path:reason:)`` for a profile that is not a regular file.
    public static func profilePaths(directory: String) throws(LeerlijnError) -> [String] {
        let folder = (directory as NSString).appendingPathComponent("profiles")
        var info = stat()
        guard lstat(folder, &info) == 0 else { return [] }
        try InputFile.requireFolder(folder, what: "profiles folder")
        return try InputFile.files(under: folder, suffixes: [".xml", ".json"])
            .filter { ($0 as NSString).deletingLastPathComponent == folder }
    }

    /// Every plan and matrix output for the catalogue folder `directory`.
    ///
    /// - Throws: ``LeerlijnError/invalidData(_:)`` for a profile that does not load.
    public static func outputs(catalogue: Catalogue, directory: String) throws(LeerlijnError) -> [ExportOutput] {
        let planner = Planner(catalogue: catalogue)
        let loader = ProfileLoader(catalogue: catalogue)
        var outputs: [ExportOutput] = []
        for path in try profilePaths(directory: directory) {
            let profile = try loader.load(path: path)
            let plan = planner.plan(for: profile)
            let base = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            for (format, suffix) in [(PlanOutputFormat.json, "json"), (.xml, "xml"), (.ics, "ics"), (.text, "txt"), (.html, "html")] {
                outputs.append(ExportOutput(relativePath: "plans/\(base).\(suffix)",
                                            bytes: PlanRenderer.render(plan, as: format, catalogue: catalogue)))
            }
        }
        for sector in catalogue.vocabulary.ids(Sector.vocabularyName) {
            let matrix = TrainingMatrix(index: planner.index, sector: Sector(sector), role: nil, asOf: nil)
            for (format, suffix) in [(PlanOutputFormat.json, "json"), (.xml, "xml"), (.html, "html")] {
                if let bytes = TrainingMatrixRenderer.render(matrix, as: format, catalogue: catalogue) {
                    outputs.append(ExportOutput(relativePath: "plans/matrix-\(sector).\(suffix)", bytes: bytes))
                }
            }
        }
        for schema in [PublishedSchema.planXSD, .planSchemaJSON] {
            outputs.append(ExportOutput(relativePath: "plans/\(schema.fileName)", bytes: schema.bytes))
        }
        return outputs
    }
}
