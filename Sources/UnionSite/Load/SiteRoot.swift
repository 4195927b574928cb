import Foundation

/// Where a site lives and where its output goes, checked before anything is read.
///
/// The output folder is swapped in whole at the end of a build, so it must never be the
/// root, `content/` or `templates/`, nor a folder holding them: the swap would delete them.
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
        self.output = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? rootURL.appendingPathComponent("public")
        try checkOutputIsSafe()
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
        let out = output.path
        let protected = [root, content, templates].map(\.path)
        for folder in protected where folder == out || folder.hasPrefix(out == "/" ? out : out + "/") {
            throw .error("refusing to write the site to \(out): the build replaces that folder, and it holds \(folder)",
                         at: nil, code: "output-unsafe")
        }
    }
}
