#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says about a file: enough to tell that it has not changed since it was read.
///
/// Size and modification time alone miss an edit within the clock's resolution; editors that
/// save by renaming a new file over the old one also change the inode, and any write or
/// rename changes the status-change time, which a program cannot set back.
struct FileStamp: Equatable, Sendable {
    let size: Int
    let inode: UInt64
    let modified: timespec
    let changed: timespec

    init?(_ path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
        modified = info.st_mtim
        changed = info.st_ctim
    }

    /// File times move in coarse steps (a kernel tick), so two writes in one step can leave
    /// the same stamp. As git does for its index, a file changed in the last two seconds is
    /// never taken as unchanged: it is read again.
    func isRecent(window: Int) -> Bool {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return now.tv_sec - changed.tv_sec < window || now.tv_sec - modified.tv_sec < window
    }

    static func == (a: FileStamp, b: FileStamp) -> Bool {
        a.size == b.size && a.inode == b.inode
            && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
            && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
    }
}
