import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a crash leaves the old file or the new one, never a torn one.
///
/// Each file goes to a temporary file in the same folder (`.NAME.leerlijn-tmp-PID-N`), is
/// fsynced, renamed over the target, and the folder is fsynced so the rename itself is
/// durable. Temporary files left by a killed process are removed by
/// ``removeStaleTemporaryFiles(in:)`` at the start of the next run, under the folder's
/// ``FolderLock``. A write that fails (a full disk, `ENOSPC`; a file-size limit, `EFBIG`)
/// removes its temporary file and throws ``LeerlijnError/io(path:reason:)`` naming the file.
public enum AtomicFileWriter {
    /// The marker in every temporary file name.
    public static let temporaryMarker = ".leerlijn-tmp-"

    /// Writes `bytes` to `path` atomically and durably.
    ///
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)`` when the file cannot be created,
    ///   ``LeerlijnError/io(path:reason:)`` when writing or syncing fails.
    public static func write(_ bytes: [UInt8], to path: String) throws(LeerlijnError) {
        _ = try write(to: path) { sink in try sink(bytes) }
    }

    /// Streams a file to `path` atomically and durably: `producer` hands its bytes, chunk by
    /// chunk, to the sink it is given; they go straight to the temporary file, so memory does
    /// not grow with the file. Only when `producer` returns is the file synced and renamed into
    /// place; if it throws, the temporary file is removed and the old file stays.
    ///
    /// - Parameters:
    ///   - path: The file to write.
    ///   - mode: The new file's permissions (before the umask).
    ///   - producer: Hands the file's bytes, chunk by chunk, to the sink it is given.
    /// - Returns: The number of bytes written.
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)`` when the file cannot be created,
    ///   ``LeerlijnError/io(path:reason:)`` when writing or syncing fails, or what `producer` throws.
    @discardableResult
    public static func write(to path: String, mode: mode_t = 0o644,
                             producer: (_ sink: ([UInt8]) throws -> Void) throws -> Void) throws(LeerlijnError) -> Int {
        try checkTarget(path)
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        let name = (path as NSString).lastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(
            ".\(name)\(temporaryMarker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .cannotCreate(path: path, reason: lastError()) }
        var total = 0
        do {
            try producer { chunk in
                try chunk.withUnsafeBytes { buffer in
                    guard let base = buffer.baseAddress else { return }
                    var written = 0
                    while written < buffer.count {
                        let result = Glibc.write(fd, base + written, buffer.count - written)
                        if result < 0 {
                            if errno == EINTR { continue }
                            throw LeerlijnError.io(path: path, reason: writeFailure())
                        }
                        written += result
                    }
                }
                total += chunk.count
            }
            guard fsync(fd) == 0 else { throw LeerlijnError.io(path: path, reason: writeFailure()) }
        } catch {
            close(fd)
            unlink(temporary)
            if let error = error as? LeerlijnError { throw error }
            throw .io(path: path, reason: "\(error)")
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let reason = lastError()
            unlink(temporary)
            throw .cannotCreate(path: path, reason: reason)
        }
        let directoryDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            _ = fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
        return total
    }

    /// Checks that `path` is a regular file or does not exist yet.
    ///
    /// The rename at the end of a write replaces whatever the path names: a device node
    /// (`/dev/null`, as root), a FIFO, a socket or a symbolic link would be destroyed and become
    /// a regular file, and a folder cannot be replaced at all. They are refused before any byte
    /// is written.
    ///
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)`` for anything but a regular file or a new path.
    public static func checkTarget(_ path: String) throws(LeerlijnError) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw .cannotCreate(path: path, reason: lastError())
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw .cannotCreate(path: path, reason: "it is \(InputFile.describe(info.st_mode)); output goes only to a "
                                + "regular file or a new path (redirect standard output to write elsewhere)")
        }
    }

    /// Refuses an output file or folder that is, or lies inside, one of the inputs: writing there
    /// would destroy the input, or plant a foreign file in the catalogue.
    ///
    /// - Parameters:
    ///   - output: The output file or folder.
    ///   - files: Input files the output must not be.
    ///   - folders: Input folders the output must not be or lie in.
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)``.
    public static func checkNotInput(_ output: String, files: [String], folders: [String]) throws(LeerlijnError) {
        var out = stat()
        if stat(output, &out) == 0 {
            for file in files {
                var input = stat()
                if stat(file, &input) == 0, input.st_dev == out.st_dev, input.st_ino == out.st_ino {
                    throw .cannotCreate(path: output, reason: "it is the input \(file); the output can never be the input")
                }
            }
        }
        // The nearest existing folder of the output, resolved, against each input folder.
        var probe = (output as NSString).standardizingPath
        while !probe.isEmpty, probe != "/", !FileManager.default.fileExists(atPath: probe) {
            probe = (probe as NSString).deletingLastPathComponent
        }
        guard let resolved = realpath(probe.isEmpty ? "." : probe, nil) else { return }
        defer { free(resolved) }
        let outputPath = String(cString: resolved)
        for folder in folders {
            guard let real = realpath(folder, nil) else { continue }
            defer { free(real) }
            let inputPath = String(cString: real)
            if outputPath == inputPath || outputPath.hasPrefix(inputPath.hasSuffix("/") ? inputPath : inputPath + "/") {
                throw .cannotCreate(path: output, reason: "it lies in the input folder \(folder); "
                                    + "the output can never be (part of) the input")
            }
        }
    }

    /// Creates `directory` (and parents) when missing.
    ///
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)``.
    public static func ensureDirectory(_ directory: String) throws(LeerlijnError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .cannotCreate(path: directory, reason: "exists and is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: directory, reason: "\(error.localizedDescription)")
        }
    }

    /// Removes temporary files that a killed run left in `directory` (not recursive).
    ///
    /// Call it only while holding the folder's ``FolderLock``: every writer of the folder holds
    /// that lock, so a temporary file found then belongs to a run that has ended. As a second
    /// guard, a file whose name carries the id of a live process (`.NAME.leerlijn-tmp-PID-N`) is
    /// left alone: it may be a file another live run is still writing.
    public static func removeStaleTemporaryFiles(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") && name.contains(temporaryMarker) {
            if let owner = writerProcess(ofTemporaryFile: name), isAlive(owner) { continue }
            unlink((directory as NSString).appendingPathComponent(name))
        }
    }

    /// The process id in a temporary file's name, if it has one.
    static func writerProcess(ofTemporaryFile name: String) -> pid_t? {
        guard let marker = name.range(of: temporaryMarker, options: .backwards) else { return nil }
        let rest = name[marker.upperBound...]
        guard let digits = rest.split(separator: "-", maxSplits: 1).first, let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// Whether a process with this id exists (one of another user counts: `EPERM`).
    static func isAlive(_ pid: pid_t) -> Bool {
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The path of `fileName` inside `directory`, refusing any name that could leave it.
    ///
    /// - Throws: ``LeerlijnError/cannotCreate(path:reason:)`` for names with a slash,
    ///   a leading dot, `..`, NUL or control characters.
    public static func path(for fileName: String, in directory: String) throws(LeerlijnError) -> String {
        let bad = fileName.isEmpty || fileName.hasPrefix(".") || fileName.contains("/") || fileName.contains("\\")
            || fileName.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } || fileName.utf8.count > 200
        guard !bad else {
            throw .cannotCreate(path: fileName, reason: "refusing an unsafe file name (it could leave the output folder)")
        }
        return (directory as NSString).appendingPathComponent(fileName)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Why a write failed, saying plainly when the disk or a size limit is the cause.
    private static func writeFailure() -> String {
        let code = errno
        let text = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT: return "cannot write: \(text) (out of space); this file was not replaced, files written before it are intact"
        case EFBIG: return "cannot write: \(text) (over the file-size limit); this file was not replaced, files written before it are intact"
        default: return "cannot write: \(text)"
        }
    }
}
