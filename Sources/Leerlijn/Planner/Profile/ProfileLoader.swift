import Foundation

/// Reads an organisation profile from an XML or JSON file and validates it.
///
/// Files ending in `.json` are read as JSON (`profile.schema.json`); anything else as XML
/// (`profile.xsd`, streamed through `SafeXMLReader` from LeerlijnXML). Either way the decoded
/// profile then passes ``ProfileValidator``; the result is a valid profile or a
/// ``LeerlijnError/invalidData(_:)`` listing every problem with file, position, field and value.
public struct ProfileLoader: Sendable {
    /// What vocabulary and programme ids are checked against.
    public let validator: ProfileValidator
    /// The largest profile accepted, in bytes.
    public var maxBytes: Int

    /// Creates a loader checking against `catalogue`.
    public init(catalogue: Catalogue, maxBytes: Int = Limits.profileBytes.range.upperBound) {
        self.init(validator: ProfileValidator(catalogue: catalogue), maxBytes: maxBytes)
    }

    /// Creates a loader with a given validator (`validate` checks profiles against a catalogue it did not keep).
    public init(validator: ProfileValidator, maxBytes: Int = Limits.profileBytes.range.upperBound) {
        self.validator = validator
        self.maxBytes = maxBytes
    }

    /// Loads and validates the profile at `path`.
    ///
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` when the file does not exist or is
    ///   not a regular file (a FIFO, socket, device or folder is refused without blocking),
    ///   ``LeerlijnError/io(path:reason:)`` when it cannot be read,
    ///   ``LeerlijnError/invalidData(_:)`` with every problem otherwise.
    public func load(path: String) throws(LeerlijnError) -> OrganisationProfile {
        // Read whole, non-blocking, regular files only: a FIFO or device is refused, never waited on.
        let bytes = try InputFile.read(path, what: "profile file", maxBytes: maxBytes)
        if path.lowercased().hasSuffix(".json") {
            return try decode(json: bytes, file: path)
        }
        return try decode(xml: bytes, file: path)
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
        let problems = validator.problems(in: profile, locations: locations)
        guard problems.isEmpty else { throw .invalidData(problems) }
        return profile
    }
}
