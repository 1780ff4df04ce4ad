import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading input files: only regular files, checked without blocking, every failure named.
///
/// A FIFO, socket or device given as an input (or lying in the catalogue as `*.xml`) would
/// block a plain `open` or `read` forever, or never end; files are therefore opened with
/// `O_NONBLOCK`, checked with `fstat`, and refused unless regular, before a byte is read.
/// Folders are listed with every error reported, so an unreadable folder never looks empty.
public enum InputFile {
    /// What kind of thing a path names, following symbolic links.
    public static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFREG: return "a regular file"
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// Checks that `path` is a regular file (after symbolic links) without opening it.
    ///
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` when it does not exist or is not a
    ///   regular file, ``LeerlijnError/io(path:reason:)`` when it cannot be examined.
    public static func requireRegular(_ path: String, what: String) throws(LeerlijnError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missingInput(path: path, reason: "no such \(what)") }
            throw .io(path: path, reason: "cannot examine the \(what): \(String(cString: strerror(code)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .missingInput(path: path, reason: "the \(what) is \(describe(info.st_mode)), not a regular file; refused")
        }
    }

    /// Reads a whole regular file of at most `maxBytes` bytes.
    ///
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` for a missing or non-regular file,
    ///   ``LeerlijnError/io(path:reason:)`` when it cannot be read,
    ///   ``LeerlijnError/invalidData(_:)`` when it is over `maxBytes`.
    public static func read(_ path: String, what: String, maxBytes: Int) throws(LeerlijnError) -> [UInt8] {
        // stat first: opening a socket fails (ENXIO) and would hide what the path is.
        try requireRegular(path, what: what)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missingInput(path: path, reason: "no such \(what)") }
            throw .io(path: path, reason: "cannot open the \(what): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, reason: "cannot examine the \(what): \(lastError())") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .missingInput(path: path, reason: "the \(what) is \(describe(info.st_mode)), not a regular file; refused")
        }
        guard Int(info.st_size) <= maxBytes else {
            throw .invalidData([Diagnostic(file: path, field: "file", value: String(info.st_size),
                                           message: "the \(what) is \(info.st_size) bytes, over the limit of \(maxBytes)")])
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, reason: "cannot read the \(what): \(lastError())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            // A file growing while it is read is held to the same limit.
            guard bytes.count <= maxBytes else {
                throw .invalidData([Diagnostic(file: path, field: "file", value: String(bytes.count),
                                               message: "the \(what) is over the limit of \(maxBytes) bytes")])
            }
        }
        return bytes
    }

    /// Checks that `path` is a folder that can be listed.
    ///
    /// - Throws: ``LeerlijnError/missingInput(path:reason:)`` when it is missing or not a folder,
    ///   ``LeerlijnError/io(path:reason:)`` when it cannot be examined.
    public static func requireFolder(_ path: String, what: String) throws(LeerlijnError) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missingInput(path: path, reason: "no \(what) here") }
            throw .io(path: path, reason: "cannot examine the \(what): \(String(cString: strerror(code)))")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw .missingInput(path: path, reason: "the \(what) is \(describe(info.st_mode)), not a folder")
        }
    }

    /// Every file below `folder` whose name ends in one of `suffixes`, sorted; hidden names are
    /// skipped. Sub-folders are entered (symbolic links to folders are not, so no loop is
    /// possible); every matching name must be a regular file.
    ///
    /// - Throws: ``LeerlijnError/io(path:reason:)`` for a folder that cannot be read,
    ///   ``LeerlijnError/missingInput(path:reason:)`` for a matching name that is not a regular file.
    public static func files(under folder: String, suffixes: [String]) throws(LeerlijnError) -> [String] {
        var found: [String] = []
        var pending = [folder]
        while let current = pending.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: current)
            } catch {
                throw .io(path: current, reason: "cannot list the folder: \((error as NSError).localizedDescription)")
            }
            for name in names where !name.hasPrefix(".") {
                let path = (current as NSString).appendingPathComponent(name)
                var link = stat()
                guard lstat(path, &link) == 0 else { throw .io(path: path, reason: "cannot examine: \(lastError())") }
                if link.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                } else if suffixes.contains(where: { name.hasSuffix($0) }) {
                    try requireRegular(path, what: "catalogue file")
                    found.append(path)
                }
            }
        }
        return found.sorted()
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
