import Foundation

/// Reads an organisation profile from an XML or JSON file and validates it.
///
/// Files ending in `.json` are read as JSON (`profile.schema.json`); anything else as XML
/// (`profile.xsd`, streamed through `SafeXMLReader` from LeerlijnXML). Either way the decoded
/// profile then passes ``ProfileValidator``; the result is a valid profile or a
/// ``LeerlijnError/invalidData(_:)`` listing every problem with file, position, field and value.
public struct ProfileLoader: Sendable {
    /// The catalogue that vocabulary and programme ids are checked against.
    public let catalogue: Catalogue
    /// The largest profile accepted, in bytes.
    public var maxBytes: Int

    /// Creates a loader.
    public init(catalogue: Catalogue, maxBytes: Int = 16 * 1024 * 1024) {
        self.catalogue = catalogue
        self.maxBytes = maxBytes
    }

    /// Loads and validates the profile at `path`.
    ///
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` when the file does not exist,
    ///   ``LeerlijnError/invalidData(_:)`` with every problem otherwise.
    public func load(path: String) throws(LeerlijnError) -> OrganisationProfile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .missingInput(path: path, reason: "no such profile file")
        }
        if path.lowercased().hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .io(path: path, reason: "cannot read the file")
            }
            guard data.count <= maxBytes else {
                throw .invalidData([Diagnostic(file: path, message: "the profile is \(data.count) bytes, over the limit of \(maxBytes)")])
            }
            return try decode(json: Array(data), file: path)
        }
        let (profile, locations) = try ProfileXMLDecoder(file: path, maxBytes: maxBytes).decode(bytes: nil)
        return try validated(profile, locations)
    }

    /// Decodes and validates a JSON profile held in memory.
    ///
    /// - Throws: ``LeerlijnError/invalidData(_:)`` with every problem.
    public func decode(json bytes: [UInt8], file: String) throws(LeerlijnError) -> OrganisationProfile {
        var decoder = ProfileJSONDecoder(file: file)
        let (profile, locations) = try decoder.decode(bytes: bytes)
        return try validated(profile, locations)
    }

    /// Decodes and validates an XML profile held in memory.
    ///
    /// - Throws: ``LeerlijnError/invalidData(_:)`` with every problem.
    public func decode(xml bytes: [UInt8], file: String) throws(LeerlijnError) -> OrganisationProfile {
        let (profile, locations) = try ProfileXMLDecoder(file: file, maxBytes: maxBytes).decode(bytes: bytes)
        return try validated(profile, locations)
    }

    private func validated(_ profile: OrganisationProfile, _ locations: ProfileLocations) throws(LeerlijnError)
        -> OrganisationProfile {
        let problems = ProfileValidator(catalogue: catalogue).problems(in: profile, locations: locations)
        guard problems.isEmpty else { throw .invalidData(problems) }
        return profile
    }
}
