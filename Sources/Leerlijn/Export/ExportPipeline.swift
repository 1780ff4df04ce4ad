import Foundation

/// Writes a chosen set of export formats into one output folder, safely.
///
/// The steps, each of which names its path when it fails:
/// 1. **plan** the files (each format's document and its companions: `catalogue.xsd` beside
///    `catalogue.xml`, `catalogue.schema.json` beside `catalogue.json`, `filter.js` beside
///    `index.html`, then any ``extraOutputs``) and check every path, so no name can leave the
///    folder;
/// 2. **check** the selection with ``ExportPreflight``, so an invalid catalogue throws before
///    anything is written and the folder stays as it was;
/// 3. **prepare** the folder: create it, take its ``FolderLock`` (waiting up to
///    ``lockTimeout`` for another writer), then remove temporary files a killed run left behind;
/// 4. **write** each file atomically with ``AtomicFileWriter``, rendering one file at a time so
///    memory holds the model and one output, never all of them.
///
/// Nothing reads the clock: the same catalogue and selection give the same bytes.
public struct ExportPipeline: Sendable {
    /// The formats to write, in the order given.
    public var formats: [ExportFormat]
    /// Finished files to publish as well, such as the planner's `plans/` folder.
    public var extraOutputs: [ExportOutput]
    /// How long to wait for another process writing the same folder, in seconds.
    public var lockTimeout: Double = FolderLock.defaultTimeout
    /// Where the published site lives; with a base URL the pages carry absolute addresses and
    /// `sitemap.xml` is written.
    public var site: SiteAddress = .relative

    /// Creates a pipeline.
    ///
    /// - Parameters:
    ///   - formats: The formats to write (all by default).
    ///   - extraOutputs: Further files, written after the formats.
    public init(formats: [ExportFormat] = ExportFormat.allCases, extraOutputs: [ExportOutput] = []) {
        self.formats = formats
        self.extraOutputs = extraOutputs
    }

    /// One file to write: a relative path and how to produce its bytes.
    struct Job: Sendable {
        var relativePath: String
        var produce: @Sendable ([Programme], Catalogue, ([UInt8]) throws -> Void) throws -> Void
    }

    /// The relative paths the pipeline writes, in order.
    public var plannedFiles: [String] { jobs().map(\.relativePath) }

    /// The relative paths the pipeline writes for `programmes`, in order: ``plannedFiles`` plus
    /// a page per programme (with `html`).
    public func plannedFiles(for programmes: [Programme]) -> [String] { jobs(for: programmes).map(\.relativePath) }

    func jobs(for programmes: [Programme] = []) -> [Job] {
        var jobs: [Job] = []
        func add(_ renderer: some CatalogueRenderer) {
            jobs.append(Job(relativePath: renderer.fileName) { try renderer.render($0, catalogue: $1, emit: $2) })
        }
        func add(_ name: String, _ bytes: [UInt8]) {
            jobs.append(Job(relativePath: name) { _, _, emit in try emit(bytes) })
        }
        for format in formats {
            switch format {
            case .xml:
                add("catalogue.xsd", PublishedSchema.exportCatalogueXSD.bytes)
                add(CatalogueXMLExporter())
            case .json:
                add("catalogue.schema.json", PublishedSchema.exportCatalogueSchemaJSON.bytes)
                add(CatalogueJSONExporter())
            case .atom:
                add(AtomFeedExporter(alternatePage: formats.contains(.html) ? ExportFormat.html.fileName : nil))
            case .jsonld:
                add(JSONLDExporter())
            case .csv:
                add(CSVExporter())
            case .html:
                add(FilterScript.fileName, FilterScript.bytes)
                add(StyleSheet.fileName, StyleSheet.bytes)
                add(WidgetScript.fileName, WidgetScript.bytes)
                let linked = formats.filter { $0 != .html }.map(\.fileName)
                // Dutch at the root, English under en/; one renderer each, parametrised by language.
                for language in SiteLanguage.allCases {
                    add(HTMLPageExporter(linkedFiles: linked, site: site, language: language, linksTranslation: true))
                }
                for language in SiteLanguage.allCases {
                    let page = ProgrammePageExporter(site: site, feeds: linked, language: language)
                    for programme in programmes {
                        jobs.append(Job(relativePath: page.path(of: programme)) { _, catalogue, emit in
                            try emit(page.render(programme, vocabulary: catalogue.vocabulary))
                        })
                    }
                }
                if site.baseURL != nil {
                    let sitemap = SitemapExporter(site: site, otherPages: extraOutputs.map(\.relativePath).filter { $0.hasSuffix(".html") })
                    jobs.append(Job(relativePath: SitemapExporter.fileName) { programmes, catalogue, emit in
                        if let bytes = sitemap.render(programmes, catalogue: catalogue) { try emit(bytes) }
                    })
                }
            }
        }
        for output in extraOutputs { add(output.relativePath, output.bytes) }
        return jobs
    }

    /// Runs the pipeline.
    ///
    /// - Parameters:
    ///   - programmes: The selection to publish (all of `catalogue.programmes`, or a filtered subset).
    ///   - catalogue: The catalogue the selection comes from.
    ///   - directory: The output folder; created when missing.
    ///   - progress: Called after each file is written.
    /// - Returns: What was written.
    /// - Throws: ``LeerlijnError/invalidData(_:)`` for an invalid selection (nothing written),
    ///   ``LeerlijnError/cannotCreate(path:reason:)`` for an unsafe path or a folder that cannot be
    ///   created, ``LeerlijnError/busy(path:holder:waited:)`` when another process holds the folder
    ///   past ``lockTimeout``, ``LeerlijnError/io(path:reason:)`` when writing fails (out of space
    ///   included; the files written before stay).
    public func run(_ programmes: [Programme], catalogue: Catalogue, to directory: String,
                    progress: (ExportProgress) -> Void = { _ in }) throws(LeerlijnError) -> ExportReport {
        let problems = ExportPreflight(label: "export").problems(in: programmes, vocabulary: catalogue.vocabulary)
        guard problems.isEmpty else { throw .invalidData(problems) }
        let jobs = jobs(for: programmes)
        var seen = Set<String>()
        var folders: [String] = []
        for job in jobs {
            let components = try ExportOutput.checkedComponents(of: job.relativePath)
            guard seen.insert(components.joined(separator: "/")).inserted else {
                throw .cannotCreate(path: job.relativePath, reason: "two outputs share this path")
            }
            let folder = components.dropLast().joined(separator: "/")
            if !folder.isEmpty, !folders.contains(folder) { folders.append(folder) }
        }

        try AtomicFileWriter.ensureDirectory(directory)
        let lock = try FolderLock.acquire(directory, timeout: lockTimeout)
        defer { lock.release() }
        AtomicFileWriter.removeStaleTemporaryFiles(in: directory)
        for folder in folders {
            let path = (directory as NSString).appendingPathComponent(folder)
            try Self.ensureRealDirectory(path)
            AtomicFileWriter.removeStaleTemporaryFiles(in: path)
        }

        var report = ExportReport(directory: directory, programmeCount: programmes.count, files: [])
        for (offset, job) in jobs.enumerated() {
            let path = (directory as NSString).appendingPathComponent(job.relativePath)
            // Streamed: each renderer hands over about a mebibyte at a time, straight to the file.
            let byteCount = try AtomicFileWriter.write(to: path) { sink in try job.produce(programmes, catalogue, sink) }
            report.files.append(.init(relativePath: job.relativePath, path: path, byteCount: byteCount))
            progress(ExportProgress(completed: offset + 1, total: jobs.count, relativePath: job.relativePath))
        }
        return report
    }

    /// Creates a sub-folder, refusing one that is a symbolic link (it could point outside).
    static func ensureRealDirectory(_ path: String) throws(LeerlijnError) {
        if let type = try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
           type == .typeSymbolicLink {
            throw .cannotCreate(path: path, reason: "refusing to write through a symbolic link")
        }
        try AtomicFileWriter.ensureDirectory(path)
    }
}
