#if canImport(Glibc)
import Glibc
#endif

/// A whole file's bytes, read with `open`, `fstat` and `read`.
///
/// Why not `FileManager.contents(atPath:)`: reading the 10,000 small files of a large site that
/// way cost 3.7 % of a build, about three times what the system calls themselves take. The
/// size is known before anything is read, so a file over the limit is refused without reading
/// it.
enum FileBytes {
    enum Failure: Error, Equatable {
        /// Missing, not a regular file, or a read that failed.
        case unreadable
        case tooLarge(size: Int)
    }

    static func read(_ path: String, maxBytes: Int) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: a FIFO put where a file was expected must not hang the build.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable) }
        let size = Int(info.st_size)
        guard size <= maxBytes else { return .failure(.tooLarge(size: size)) }
        // One byte more than the size, so that a file that grew since `fstat` (an editor
        // appending while `serve` reads) is read on to its end, not cut at its old size.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= maxBytes else { return .failure(.tooLarge(size: count)) }
                bytes += [UInt8](repeating: 0, count: min(max(count, 4096), maxBytes + 1 - count))
            }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return .failure(.unreadable) }
            if got == 0 { break }
            count += got
        }
        guard count <= maxBytes else { return .failure(.tooLarge(size: count)) }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }
}
