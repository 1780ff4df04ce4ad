/// What an export wrote.
public struct ExportReport: Sendable, Hashable {
    /// One written file.
    public struct File: Sendable, Hashable {
        /// The path relative to the output folder.
        public var relativePath: String
        /// The full path.
        public var path: String
        /// The file's size in bytes.
        public var byteCount: Int
    }

    /// The output folder.
    public var directory: String
    /// The number of programmes exported.
    public var programmeCount: Int
    /// The files written, in order.
    public var files: [File]

    /// The total size of all files written.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.byteCount } }
}

/// Progress of a running export, reported after each file.
public struct ExportProgress: Sendable, Hashable {
    /// Files written so far.
    public var completed: Int
    /// Files to write in all.
    public var total: Int
    /// The file just written.
    public var relativePath: String

    /// The fraction done, 0…1.
    public var fraction: Double { total == 0 ? 1 : Double(completed) / Double(total) }
}
