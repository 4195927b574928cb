import Foundation

/// The `init` command: a new site in a folder, written whole or not at all.
///
/// It refuses a folder that already holds `content/` (a site is there: nothing of it may be
/// overwritten), a path that is a file, and a folder it cannot write; every check runs
/// before the first file is written, and a write that fails half-way removes what it wrote.
public enum SiteInit {
    public static let defaultTitle = "Our union branch"
    public static let defaultBaseURL = "https://example.org/"

    /// - Returns: the files written, relative to `folder`, sorted.
    @discardableResult
    public static func create(in folder: String, title: String = defaultTitle, baseURL: String = defaultBaseURL,
                              date: Day? = nil) throws(Diagnostics) -> [String] {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        let baseURL = try checkedBaseURL(baseURL)
        guard !title.trimmed.isEmpty else { throw fail("--title must not be empty", code: "init-title") }
        let existed = try checkFolder(url, named: folder)
        let day = date ?? Day.today(in: SettingsReader.defaultTimeZone)
        let files = StarterSite.files(title: title.trimmed, baseURL: baseURL, day: day)
            .filter { $0.0 != ".gitignore" || !FileManager.default.fileExists(atPath: url.appendingPathComponent($0.0).path) }
        var written: [URL] = []
        do {
            if !existed { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
            for (path, text) in files {
                let file = url.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file, options: .withoutOverwriting)
                written.append(file)
            }
        } catch {
            undo(written, folder: url, existed: existed)
            throw fail("cannot write the new site in \(folder): \(error.localizedDescription)", code: "init-failed")
        }
        return files.map(\.0).sorted()
    }

    /// Whether the folder already existed; throws when it cannot hold a new site.
    private static func checkFolder(_ url: URL, named folder: String) throws(Diagnostics) -> Bool {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            // The nearest existing ancestor must be a writable folder.
            var parent = url.deletingLastPathComponent()
            while !manager.fileExists(atPath: parent.path, isDirectory: &isDirectory) { parent = parent.deletingLastPathComponent() }
            guard isDirectory.boolValue else { throw fail("cannot make \(folder): \(parent.path) is a file, not a folder", code: "init-not-folder") }
            guard manager.isWritableFile(atPath: parent.path) else { throw fail("cannot make \(folder): \(parent.path) is not writable", code: "init-unwritable") }
            return false
        }
        guard isDirectory.boolValue else { throw fail("\(folder) is a file, not a folder", code: "init-not-folder") }
        if manager.fileExists(atPath: url.appendingPathComponent("content").path) {
            throw fail("\(folder) already has a content/ folder: a site is there, and init never overwrites one",
                       code: "init-exists")
        }
        guard manager.isWritableFile(atPath: url.path) else { throw fail("\(folder) is not writable", code: "init-unwritable") }
        return true
    }

    private static func checkedBaseURL(_ text: String) throws(Diagnostics) -> String {
        let trimmed = text.trimmed
        guard let parts = URLComponents(string: trimmed), let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              !(parts.host ?? "").isEmpty, parts.query == nil, parts.fragment == nil else {
            throw fail("--base-url must be an absolute http or https URL such as https://example.org/branch/, found \(trimmed)", code: "init-base-url")
        }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// Removes what a failed init wrote: its files, `content/` (which did not exist before:
    /// `checkFolder` refuses a folder that has one) and the folder itself if init made it.
    private static func undo(_ written: [URL], folder: URL, existed: Bool) {
        for file in written { try? FileManager.default.removeItem(at: file) }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("content"))
        if !existed { try? FileManager.default.removeItem(at: folder) }
    }

    private static func fail(_ message: String, code: String) -> Diagnostics {
        Diagnostics([.error(message, at: nil, code: code)])
    }
}
