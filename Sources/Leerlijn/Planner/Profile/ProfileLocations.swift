/// Where each part of a profile was found in its file, so that errors can point at it.
///
/// XML locations carry libxml2's line and column and an element path (`roles/role`); JSON
/// locations carry a JSON path (`$.roles[1]`) and the line and column where that value starts. A profile built in code has ``ProfileLocations/unknown(file:)`` locations.
public struct ProfileLocations: Sendable, Hashable {
    /// One location.
    public struct Location: Sendable, Hashable {
        /// 1-based line, 0 when unknown.
        public var line: Int
        /// 1-based column, 0 when unknown.
        public var column: Int
        /// The element path (XML) or JSON path.
        public var path: String
        /// Whether `path` is a JSON path (fields are joined with `.` rather than `@`).
        public var isJSON: Bool

        /// Creates a location.
        public init(line: Int = 0, column: Int = 0, path: String, isJSON: Bool = false) {
            self.line = line
            self.column = column
            self.path = path
            self.isJSON = isJSON
        }

        /// The name of `field` at this location: `role@headcount` or `$.roles[1].headcount`.
        public func field(_ name: String) -> String {
            name.isEmpty ? path : (isJSON ? "\(path).\(name)" : "\(path)@\(name)")
        }
    }

    /// The file (or input label).
    public var file: String
    /// The profile as a whole.
    public var root: Location
    /// Top-level fields by name (`id`, `name`, `kind`, `sector`, `period`, `constraints`).
    public var fields: [String: Location] = [:]
    /// One per staff role, in order.
    public var roles: [Location] = []
    /// One per learner group, in order.
    public var groups: [Location] = []
    /// One per blackout period, in order.
    public var blackouts: [Location] = []
    /// One per completed training, in order.
    public var completed: [Location] = []
    /// One per special need, in order.
    public var specialNeeds: [Location] = []

    /// Creates locations for a file.
    public init(file: String, root: Location) {
        self.file = file
        self.root = root
    }

    /// Locations for a profile built in code: every field points at the profile itself.
    public static func unknown(file: String) -> ProfileLocations {
        ProfileLocations(file: file, root: Location(path: "profile"))
    }

    /// The location of a top-level field, or the root.
    public func field(_ name: String) -> Location {
        fields[name] ?? Location(line: root.line, column: root.column,
                                 path: root.isJSON ? "$.\(name)" : name, isJSON: root.isJSON)
    }

    func at(_ list: [Location], _ index: Int, fallback name: String) -> Location {
        index < list.count ? list[index] : field(name)
    }
}
