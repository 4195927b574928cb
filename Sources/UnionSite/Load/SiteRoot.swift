import Foundation

/// Where a site lives and where its output goes, checked before anything is read.
///
/// The output folder is swapped in whole at the end of a build, so it must never be the
/// root, `content/` or `templates/`, nor a folder holding them: the swap would delete them.
/// Nor may it lie inside `content/` or `templates/`: the next build would read the site it
/// wrote as sources (under `content/static/` it would publish itself again, one level deeper
/// each time). A file in its place is an error, not something to replace. An output path that
/// is a symbolic link (`public -> /var/www/union`) is followed: the link's target is the folder
/// written, and the link stays.
public struct SiteRoot: Sendable {
    public let root: URL
    public let output: URL
    /// The root's path with a trailing slash, made once: `relativePath` runs for every file.
    private let rootPrefix: String

    public init(root: String, output: String? = nil) throws(Diagnostics) {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error("the site root \(root) is not a folder", at: nil, code: "root-missing")
        }
        self.root = rootURL
        rootPrefix = rootURL.path.hasSuffix("/") ? rootURL.path : rootURL.path + "/"
        let named = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? rootURL.appendingPathComponent("public")
        self.output = Self.followingLink(named)
        try checkOutputIsSafe()
    }

    /// The folder a symbolic link at `url` points to (through a chain of links, also one
    /// whose target does not exist yet), else `url`.
    private static func followingLink(_ url: URL) -> URL {
        var current = url
        for _ in 0..<16 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current.path) else { break }
            current = destination.hasPrefix("/") ? URL(fileURLWithPath: destination)
                : current.deletingLastPathComponent().appendingPathComponent(destination)
            current = current.standardizedFileURL
        }
        return current
    }

    public var content: URL { root.appendingPathComponent("content") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public var settingsFile: URL { content.appendingPathComponent("site.yaml") }

    /// The path of `url` relative to the root, as diagnostics print it.
    public func relativePath(_ url: URL) -> String {
        relativePath(url, path: url.path)
    }

    /// The same, given `url.path` (which Foundation makes anew on every call).
    func relativePath(_ url: URL, path: String) -> String {
        // Standardised only when the path could need it: the walker's URLs never do, and
        // standardising every file's URL was a tenth of reading the files.
        var full = path
        if Self.mayNeedStandardizing(full) { full = url.standardizedFileURL.path }
        return full.hasPrefix(rootPrefix) ? String(full.dropFirst(rootPrefix.count)) : full
    }

    /// Whether a path holds `/.` or `//`, by bytes: Foundation's `contains` searched through
    /// `CFString` (0.6 % of a build, for every file read).
    static func mayNeedStandardizing(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") { return true }
            previous = byte
        }
        return false
    }

    private func checkOutputIsSafe() throws(Diagnostics) {
        let out = Self.resolved(output)
        let protected = [root, content, templates].map(Self.resolved)
        for folder in protected where folder == out || Self.path(folder, isBelow: out) {
            throw .error("refusing to write the site to \(output.path): the build replaces that folder, and it holds \(folder)",
                         at: nil, code: "output-unsafe")
        }
    }

    /// What only a build that writes the output needs (`Build.run`; `check`, `serve` and `new`
    /// never write there): that it is not inside `content/` or `templates/`, and not a file.
    public func checkOutputCanBeReplaced() throws(Diagnostics) {
        let out = Self.resolved(output)
        for folder in [content, templates].map(Self.resolved) where Self.path(out, isBelow: folder) {
            throw .error("refusing to write the site to \(output.path): it is inside \(folder), so the next build would read "
                         + "what it wrote as sources; choose a folder outside content/ and templates/", at: nil, code: "output-unsafe")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .error("refusing to write the site to \(output.path): it is a file, not a folder, and the build would replace it",
                         at: nil, code: "output-unsafe")
        }
    }

    /// The path with every symbolic link resolved, also below a folder that does not exist
    /// yet (`resolvingSymlinksInPath` leaves such a path as it is): its deepest existing
    /// folder resolved, the rest added back. A new output reached through a link into
    /// `content/` is still inside it.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.standardizedFileURL.path
    }

    /// Whether `path` lies below `folder` (not equal to it).
    private static func path(_ path: String, isBelow folder: String) -> Bool {
        path.hasPrefix(folder == "/" ? folder : folder + "/")
    }
}
