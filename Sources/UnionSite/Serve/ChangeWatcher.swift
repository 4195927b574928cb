#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders with inotify and reports that something changed, with the paths.
///
/// inotify watches one folder per descriptor, so every subfolder gets its own watch, and
/// folders created later are added as they appear. Editors that save by writing a temporary
/// file and renaming it fire several events: the `Rebuilder` debounces them.
final class ChangeWatcher: @unchecked Sendable {
    private let fd: Int32
    private var folders: [Int32: String] = [:]
    private var shallowFolders: [Int32: String] = [:]
    private var source: DispatchSourceRead?
    private let queue = DispatchQueue(label: "unionsite.watch")
    private let onChange: @Sendable ([String]) -> Void

    static let mask = UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB | IN_DELETE_SELF)

    /// - Parameters: folders: watched with all their subfolders; shallow: watched alone.
    init?(folders roots: [URL], shallow: [URL] = [], onChange: @escaping @Sendable ([String]) -> Void) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.onChange = onChange
        queue.sync {
            for root in roots { addRecursively(root.path) }
            for folder in shallow {
                let wd = inotify_add_watch(fd, folder.path, Self.mask)
                if wd >= 0 { shallowFolders[wd] = folder.path }
            }
        }
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        source.setCancelHandler { [fd] in close(fd) }
        source.resume()
        self.source = source
    }

    func stop() { source?.cancel() }

    private func addRecursively(_ path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let wd = inotify_add_watch(fd, path, Self.mask)
        if wd >= 0 { folders[wd] = path }
        let children = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for child in children.sorted() where !child.hasPrefix(".") {
            addRecursively(path + "/" + child)
        }
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var changed: [String] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            changed += parse(buffer, count: count)
        }
        if !changed.isEmpty { onChange(changed) }
    }

    /// Walks the packed `inotify_event` records; adds watches for new folders.
    private func parse(_ buffer: [UInt8], count: Int) -> [String] {
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            if mask & UInt32(IN_Q_OVERFLOW) != 0, let folder = folders.values.min() {
                // Events were lost: report a folder, which makes the next rebuild a full one.
                paths.append(folder)
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            if let folder = shallowFolders[wd] {
                // A content/ or templates/ folder appearing: watch it, and report it.
                let path = folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(path) }
                paths.append(path)
            } else if let folder = folders[wd] {
                let path = name.isEmpty ? folder : folder + "/" + name
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addRecursively(path) }
                if !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp") { paths.append(path) }
            }
            offset += header + length
        }
        return paths
    }
}
