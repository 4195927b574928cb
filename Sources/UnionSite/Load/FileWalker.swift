#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Lists the regular files under a folder, sorted, without ever leaving the site root.
///
/// A symbolic link that points inside the root is followed (once: loops are cut);
/// one that points outside is refused with an error, never followed, so a site cannot
/// publish `/etc/passwd` by linking to it.
struct FileWalker {
    let root: SiteRoot
    private(set) var diagnostics: [Diagnostic] = []
    private var visitedFolders: Set<String> = []

    init(root: SiteRoot) { self.root = root }

    mutating func files(under folder: URL, recursive: Bool = true) -> [URL] {
        paths(under: folder, recursive: recursive).map { URL(fileURLWithPath: $0, isDirectory: false) }
    }

    /// The same files' absolute paths, sorted. A `URL` per file, made here on one core before
    /// any reading, was most of walking a large site: callers that read thousands of files make
    /// them where they read them, on every core.
    mutating func paths(under folder: URL, recursive: Bool = true) -> [String] {
        var found: [String] = []
        walk(folder, recursive: recursive, into: &found)
        return found.sorted()
    }

    private mutating func walk(_ folder: URL, recursive: Bool, into found: inout [String]) {
        let real = folder.resolvingSymlinksInPath().path
        guard visitedFolders.insert(real).inserted else { return }
        let folderPath = folder.path
        guard let entries = Self.entries(of: folderPath) else { return }
        // A folder that can be listed but not searched (`r--`): its entries cannot be opened,
        // and `lstat` says so, as it did for every entry before types were read from the folder.
        let searchable = access(folderPath, X_OK) == 0
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
            // Classified by path first: `appendingPathComponent` without saying whether the
            // name is a folder asks the file system, a second `stat` for every file.
            let path = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
            guard let kind = classify(path, type: searchable ? type : nil, in: folder, name: name) else { continue }
            switch kind {
            case .file: found.append(path)
            case .folder where recursive: walk(folder.appendingPathComponent(name, isDirectory: true), recursive: true, into: &found)
            case .folder: break
            }
        }
    }

    private enum Kind { case file, folder }

    /// A folder's entries with the type the directory itself records (`d_type`), or nil when
    /// it cannot be read. A name that is not valid UTF-8 gets no type: `classify` then asks
    /// `lstat`, as for every name before, which does not find it under its repaired spelling.
    static func entries(of path: String) -> [(name: String, type: UInt8?)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8?)] = []
        // An entry is only as long as its name: read its fields through the pointer, never
        // by copying the whole `dirent` (whose full length may run past the end of the buffer).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!
        while let entry = readdir(directory) {
            let raw = UnsafeRawPointer(entry)
            let cName = raw.advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            if let name = String(validatingCString: cName) {
                entries.append((name, raw.load(fromByteOffset: typeOffset, as: UInt8.self)))
            } else {
                entries.append((String(cString: cName), nil))
            }
        }
        return entries
    }

    /// - Parameter type: the entry's `d_type`: a regular file or folder needs no `stat` of its
    ///   own (10,000 of them were most of walking a large site, on one core before any reading).
    private mutating func classify(_ path: String, type: UInt8?, in folder: URL, name: String) -> Kind? {
        switch type.map(Int32.init) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        default: break
        }
        // lstat, not FileManager's attributes: this runs for every file on every `serve` rebuild.
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: return classifyLink(folder.appendingPathComponent(name))
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        default: return nil
        }
    }

    private mutating func classifyLink(_ url: URL) -> Kind? {
        let target = url.resolvingSymlinksInPath().path
        let rootPath = root.root.resolvingSymlinksInPath().path
        guard target.hasPrefix(rootPath + "/") else {
            diagnostics.append(.error("symbolic link points outside the site root (to \(target)); refusing to follow it",
                                      at: SourceLocation(path: root.relativePath(url)), code: "symlink-outside-root"))
            return nil
        }
        var isDirectory: ObjCBool = false
        let linkFolder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        if linkFolder == target || linkFolder.hasPrefix(target + "/") {
            diagnostics.append(.error("symbolic link points to a folder that contains it, which would loop; refusing to follow it",
                                      at: SourceLocation(path: root.relativePath(url)), code: "symlink-loop"))
            return nil
        }
        guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) else {
            diagnostics.append(.error("symbolic link is broken or loops", at: SourceLocation(path: root.relativePath(url)), code: "symlink-broken"))
            return nil
        }
        return isDirectory.boolValue ? .folder : .file
    }
}
