/// A finished file to publish: a path relative to the output folder and its bytes.
///
/// This is the hook for outputs the catalogue formats do not produce themselves, such as the
/// planner's `plans/` folder: pass them as `extraOutputs` to ``ExportPipeline`` and they are
/// checked and written atomically with everything else. The path may have sub-folders
/// (`plans/sport.ics`); every component is checked by ``AtomicFileWriter/path(for:in:)``, so
/// no name, whatever data it was built from, can leave the output folder.
public struct ExportOutput: Sendable, Hashable {
    /// The path relative to the output folder, components separated by `/`.
    public var relativePath: String
    /// The file's bytes.
    public var bytes: [UInt8]

    /// Creates an output.
    ///
    /// - Parameters:
    ///   - relativePath: The path inside the output folder, such as `plans/sport.xml`.
    ///   - bytes: The file's content.
    public init(relativePath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.bytes = bytes
    }

    /// The path's components after checking each one.
    ///
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)`` for an empty path, an empty
    ///   component, `.`/`..`, a leading dot, a backslash or a control character anywhere.
    public static func checkedComponents(of relativePath: String) throws(LeerlijnError) -> [String] {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.count <= 8 else {
            throw .cannotCreate(path: relativePath, reason: "refusing an unsafe output path")
        }
        for component in components {
            // path(for:in:) refuses empty names, leading dots (so `.` and `..`), slashes,
            // backslashes, control characters and over-long names.
            do {
                _ = try AtomicFileWriter.path(for: component, in: ".")
            } catch {
                throw .cannotCreate(path: relativePath, reason: "refusing the unsafe component '\(component)' "
                                    + "(it could leave the output folder)")
            }
        }
        return components
    }
}
