import Foundation
import Leerlijn
import LeerlijnCLI
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// One odd input or output and the exit code the command line must give for it.
struct FileKindCase: CustomTestStringConvertible, Sendable {
    let name: String
    let code: Int32
    /// Builds the case in `folder` (a copy of the catalogue is at `folder/C`); returns the arguments.
    let arguments: @Sendable (_ folder: String) throws -> [String]

    var testDescription: String { name }

    static let profile = TestSupport.catalogPath + "/profiles/primary-school.xml"

    static let all: [FileKindCase] = [
        .init(name: "profile is a FIFO (XML)", code: 66) { f in try fifo(f + "/p.xml"); return ["plan", "--profile", f + "/p.xml", "--catalog", f + "/C"] },
        .init(name: "profile is a FIFO (JSON)", code: 66) { f in try fifo(f + "/p.json"); return ["plan", "--profile", f + "/p.json", "--catalog", f + "/C"] },
        .init(name: "profile is a device", code: 66) { f in ["plan", "--profile", "/dev/null", "--catalog", f + "/C"] },
        .init(name: "profile is a folder", code: 66) { f in ["plan", "--profile", f, "--catalog", f + "/C"] },
        .init(name: "profile is missing", code: 66) { f in ["plan", "--profile", f + "/none.xml", "--catalog", f + "/C"] },
        .init(name: "profile is a socket", code: 66) { f in try socket(f + "/s.json"); return ["plan", "--profile", f + "/s.json", "--catalog", f + "/C"] },
        .init(name: "catalogue file is a FIFO", code: 66) { f in try fifo(f + "/C/programmes/zz.xml"); return ["validate", "--catalog", f + "/C"] },
        .init(name: "catalogue file is a device link", code: 66) { f in
            try FileManager.default.createSymbolicLink(atPath: f + "/C/requirements/zero.xml", withDestinationPath: "/dev/zero")
            return ["validate", "--catalog", f + "/C"]
        },
        .init(name: "programmes is a plain file", code: 66) { f in
            try FileManager.default.removeItem(atPath: f + "/C/programmes")
            try Data("x".utf8).write(to: URL(fileURLWithPath: f + "/C/programmes"))
            return ["validate", "--catalog", f + "/C"]
        },
        .init(name: "requirements missing", code: 66) { f in
            try FileManager.default.removeItem(atPath: f + "/C/requirements")
            return ["validate", "--catalog", f + "/C"]
        },
        .init(name: "no programmes", code: 65) { f in
            for name in try FileManager.default.contentsOfDirectory(atPath: f + "/C/programmes") {
                try FileManager.default.removeItem(atPath: f + "/C/programmes/" + name)
            }
            return ["validate", "--catalog", f + "/C"]
        },
        .init(name: "catalogue folder is a file", code: 66) { f in ["validate", "--catalog", profile] },
        .init(name: "export over the catalogue is refused", code: 73) { f in
            ["export", "--catalog", f + "/C", "--output", f + "/C/programmes", "--no-plans"]
        },
        .init(name: "output is a device", code: 73) { f in ["plan", "--profile", profile, "--output", "/dev/null", "--catalog", f + "/C"] },
        .init(name: "output is a FIFO", code: 73) { f in try fifo(f + "/o"); return ["plan", "--profile", profile, "--output", f + "/o", "--catalog", f + "/C"] },
        .init(name: "output is a folder", code: 73) { f in ["plan", "--profile", profile, "--output", f, "--catalog", f + "/C"] },
        .init(name: "output is a symbolic link", code: 73) { f in
            try FileManager.default.createSymbolicLink(atPath: f + "/link", withDestinationPath: f + "/target")
            return ["plan", "--profile", profile, "--output", f + "/link", "--catalog", f + "/C"]
        },
        .init(name: "output is the profile", code: 73) { f in
            try FileManager.default.copyItem(atPath: profile, toPath: f + "/p.xml")
            return ["plan", "--profile", f + "/p.xml", "--output", f + "/p.xml", "--catalog", f + "/C"]
        },
        .init(name: "output inside the catalogue", code: 73) { f in
            ["plan", "--profile", profile, "--output", f + "/C/programmes/plan.xml", "--catalog", f + "/C"]
        },
        .init(name: "output is a new path", code: 0) { f in ["plan", "--profile", profile, "--output", f + "/new.txt", "--catalog", f + "/C"] },
        .init(name: "output replaces a regular file", code: 0) { f in
            try Data("old".utf8).write(to: URL(fileURLWithPath: f + "/old.txt"))
            return ["plan", "--profile", profile, "--output", f + "/old.txt", "--catalog", f + "/C"]
        },
    ]

    static func fifo(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func socket(_ path: String) throws {
        let fd = Glibc.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (offset, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[offset] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        guard bound == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
}

@Suite("Odd files: refused without blocking, never destroyed")
struct FileKindTests {
    @Test(.timeLimit(.minutes(1)), arguments: FileKindCase.all)
    func oddFileKinds(_ kind: FileKindCase) throws {
        let folder = try TestSupport.temporaryDirectory("kinds")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: TestSupport.catalogPath, toPath: folder + "/C")
        let arguments = try kind.arguments(folder)
        let outcome = LeerlijnCommand.execute(arguments)
        #expect(outcome.code == kind.code, "\(outcome.message ?? "")")
        if kind.code != 0 {
            let message = outcome.message ?? ""
            #expect(message.split(separator: "\n").allSatisfy { $0.contains("error:") }, "\(message)")
        }
        // Nothing was replaced: a device stays a device, a FIFO a FIFO, a link a link.
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
        if FileManager.default.fileExists(atPath: folder + "/o") {
            #expect(lstat(folder + "/o", &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        }
        if kind.name.contains("symbolic") {
            #expect(lstat(folder + "/link", &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
            #expect(!FileManager.default.fileExists(atPath: folder + "/target"))
        }
    }

    /// Standard output that fails is exit 74 with one line; a closed pipe ends quietly.
    @Test(.timeLimit(.minutes(1)), arguments: [["validate"], ["query", "--output", "json"], ["--help"], ["plan", "--sector", "sport"],
                                               ["plan", "--profile", "Catalog/profiles/primary-school.xml"]])
    func failedStandardOutput(_ arguments: [String]) throws {
        let binary = TestSupport.packageRoot + "/.build/debug/leerlijn"
        guard FileManager.default.isExecutableFile(atPath: binary) else { return }
        // Only a command that succeeds can lose its output; while the bundled catalogue does not
        // validate, `validate` fails before writing, and that is tested elsewhere.
        let normal = try Self.run(binary, arguments, stdout: FileHandle(forWritingAtPath: "/dev/null"))
        guard normal.code == 0 else { return }
        let full = try Self.run(binary, arguments, stdout: FileHandle(forWritingAtPath: "/dev/full"))
        #expect(full.code == 74, "\(full.stderr)")
        #expect(full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")
        #expect(!full.stderr.contains("Fatal error"))
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let closed = try Self.run(binary, arguments, stdout: pipe.fileHandleForWriting)
        #expect(closed.code == 141 || closed.code == 0, "\(closed.stderr)")
        #expect(closed.stderr.isEmpty, "\(closed.stderr)")
    }

    static func run(_ binary: String, _ arguments: [String], stdout: FileHandle?) throws -> (code: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: TestSupport.packageRoot)
        process.standardOutput = stdout
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
