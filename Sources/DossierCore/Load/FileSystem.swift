#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The little file access the loader needs, on plain libc so start-up does not pay for Foundation.
public enum FileSystem {
    public enum Failure: Error, Sendable, Equatable {
        case notFound, notADirectory, unreadable(String), tooLarge(Int)
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
    public static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .notFound }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable("not a regular file") }
        guard Int(info.st_size) <= limit else { throw .tooLarge(Int(info.st_size)) }
        guard let file = fopen(path, "rb") else { throw .unreadable(errnoText()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > limit { throw .tooLarge(bytes.count) }
            if count < chunk.count {
                if ferror(file) != 0 { throw .unreadable(errnoText()) }
                break
            }
        }
        return bytes
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
