#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The little file access the loader needs, on plain libc so start-up does not pay for Foundation.
public enum FileSystem {
    public enum Failure: Error, Sendable, Equatable {
        case notFound, notADirectory
        case unreadable(String)
        case tooLarge(Int)
    }

    /// The names of the `.yaml` files directly inside `directory`, sorted.
    public static func yamlFiles(in directory: String) throws(Failure) -> [String] {
        var info = stat()
        guard stat(directory, &info) == 0 else { throw .notFound }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .notADirectory }
        guard let dir = opendir(directory) else { throw .unreadable(errnoText()) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasSuffix(".yaml") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The size of a file, or nil if it cannot be examined.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// The whole content of a regular file, refusing anything larger than `limit` bytes.
    /// Only a regular file itself is read: a symbolic link is not followed (it could lead out of
    /// the dossier's folder, to `/proc/kmsg` that never ends), and a named pipe, a device or a
    /// socket is refused before it is opened, so nothing blocks; each refusal says why.
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw .notFound }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(refusal(info.st_mode)) }
        guard Int(info.st_size) <= limit else { throw .tooLarge(Int(info.st_size)) }
        // the name may have been replaced since: no link followed, no wait for a writer
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { throw errno == ELOOP ? .unreadable(refusal(S_IFLNK)) : .unreadable(errnoText()) }
        defer { close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw .unreadable(errnoText()) }
        guard (opened.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(refusal(opened.st_mode)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(Int(opened.st_size), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { readDescriptor(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(errnoText())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > limit { throw .tooLarge(bytes.count) }
        }
        return bytes
    }

    /// Why a file that is not a regular one is not read.
    static func refusal(_ mode: mode_t) -> String {
        let what: String
        switch mode & S_IFMT {
        case S_IFLNK: what = "a symbolic link, not followed"
        case S_IFIFO: what = "a named pipe (FIFO)"
        case S_IFCHR, S_IFBLK: what = "a device"
        case S_IFSOCK: what = "a socket"
        case S_IFDIR: what = "a folder"
        default: what = "not a regular file"
        }
        return what + ": only regular files inside the dossier's folder are read"
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// libc's `read`, which `FileSystem.read` hides inside the enum.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
