import Foundation

#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// Reads and writes whole cache files with plain system calls, so that a
/// failure keeps its `errno` ("No such file or directory", "Read-only file
/// system") instead of becoming Foundation's "error 512", and a missing
/// entry can be told from an unreadable one.
enum EntryFile {
    struct Failure: Error, CustomStringConvertible {
        var operation: String
        var code: Int32
        var description: String { "\(operation): \(String(cString: strerror(code)))" }
        /// The file, or a folder on its path, does not exist: a cache miss.
        var isMissing: Bool { code == ENOENT || code == ENOTDIR }
    }

    static func read(_ path: String) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(operation: "open", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(operation: "stat", code: errno) }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        let total = data.count
        let failure: Int32? = data.withUnsafeMutableBytes { buffer -> Int32? in
            while filled < total {
                let n = systemRead(fd, buffer.baseAddress! + filled, total - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if n == 0 { break }  // shorter than its size said: the checks below reject it
                filled += n
            }
            return nil
        }
        if let failure { throw Failure(operation: "read", code: failure) }
        if filled < total { data.removeSubrange(filled...) }
        return data
    }

    /// Writes `data` to a new temporary file beside `path` and renames it
    /// over `path`: a reader sees the old file or the whole new one.
    static func writeAtomically(_ data: Data, to path: String) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolders(folder)
        let temporary = "\(folder)/.\((path as NSString).lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(operation: "create", code: errno) }
        let failure: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var written = 0
            while written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw Failure(operation: "write", code: failure)
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw Failure(operation: "rename", code: code)
        }
    }

    /// `mkdir -p`; a folder another writer made first is fine.
    static func makeFolders(_ folder: String) throws(Failure) {
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw Failure(operation: "mkdir \(folder)", code: errno) }
        let parent = (folder as NSString).deletingLastPathComponent
        guard parent != folder, !parent.isEmpty else { throw Failure(operation: "mkdir \(folder)", code: ENOENT) }
        try makeFolders(parent)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw Failure(operation: "mkdir \(folder)", code: errno) }
    }
}
