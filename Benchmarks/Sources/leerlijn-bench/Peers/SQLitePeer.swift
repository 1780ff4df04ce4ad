import CLeerlijnSQLite

/// A minimal SQLite connection for the benchmark peer (in-memory database).
final class SQLitePeer {
    private var database: OpaquePointer?

    init() throws {
        guard sqlite3_open(":memory:", &database) == SQLITE_OK else { throw PeerError("cannot open SQLite") }
    }

    deinit { sqlite3_close(database) }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        guard sqlite3_exec(database, sql, nil, nil, &message) == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? "unknown"
            sqlite3_free(message)
            throw PeerError("SQLite: \(text) in \(sql)")
        }
    }

    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(database, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw PeerError("SQLite prepare failed: \(String(cString: sqlite3_errmsg(database)))")
        }
        return Statement(pointer: statement)
    }

    /// A prepared statement, finalised when released.
    final class Statement {
        let pointer: OpaquePointer
        init(pointer: OpaquePointer) { self.pointer = pointer }
        deinit { sqlite3_finalize(pointer) }

        func reset() {
            sqlite3_reset(pointer)
            sqlite3_clear_bindings(pointer)
        }

        func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(pointer, index, sqlite3_int64(value)) }

        func bind(_ index: Int32, _ value: String) {
            // SQLITE_TRANSIENT: SQLite copies the text.
            sqlite3_bind_text(pointer, index, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }

        /// Steps once; true while a row is available.
        func step() throws -> Bool {
            let result = sqlite3_step(pointer)
            if result == SQLITE_ROW { return true }
            if result == SQLITE_DONE { return false }
            throw PeerError("SQLite step failed: \(result)")
        }

        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(pointer, column)) }

        /// Runs an insert/update with the current bindings, then resets.
        func run() throws {
            _ = try step()
            reset()
        }

        /// All values of column 0 as integers, then resets.
        func integers() throws -> [Int] {
            var result: [Int] = []
            while try step() { result.append(int(0)) }
            reset()
            return result
        }
    }
}

struct PeerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
