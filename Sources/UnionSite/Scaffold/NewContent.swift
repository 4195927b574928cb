import Foundation

/// The `new` command: writes one new content file with valid front matter, named by the
/// slug rule, and never overwrites an existing file.
public enum NewContent {
    public enum Kind: String, Sendable, CaseIterable {
        case article, guide, principle, page, vacancy
    }

    public static func create(_ kind: Kind, title: String, in root: SiteRoot, date: Day? = nil) throws(Diagnostics) -> String {
        let day = date ?? Day.today(in: siteTimeZone(root))
        let slug = Slug.from(title)
        let (folder, file, text) = template(kind, title: title, slug: slug, day: day)
        let url = root.content.appendingPathComponent(folder).appendingPathComponent(file)
        let path = root.relativePath(url)
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw .error("\(path) already exists; not overwriting it", at: SourceLocation(path: path), code: "new-exists")
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw .error("cannot write \(path): \(error.localizedDescription)", at: SourceLocation(path: path), code: "new-failed")
        }
        return path
    }

    /// "Today" is the build's today: in `site.yaml`'s `timezone` (Europe/London when it has
    /// none or cannot be read; `build` reports a broken one).
    static func siteTimeZone(_ root: SiteRoot) -> TimeZone {
        (try? SourceLoader.loadSettings(root)).flatMap { SettingsReader.timeZone(of: $0) } ?? SettingsReader.defaultTimeZone
    }

    /// YAML-quoted, so any title (colons, quotes, `#`) stays one valid string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func template(_ kind: Kind, title: String, slug: String, day: Day) -> (String, String, String) {
        let t = quoted(title)
        switch kind {
        case .article:
            return ("articles", "\(slug).md", "---\ntitle: \(t)\ndate: \(day)\nsummary: \"\"\ntags: []\ndraft: true\n---\n\nWrite the article here.\n")
        case .guide:
            return ("guide", "\(slug).md", "---\ntitle: \(t)\nsummary: \"\"\nterms: []\n---\n\n## First section\n\nWrite the chapter here.\n")
        case .principle:
            return ("principles", "\(slug).md", "---\ntitle: \(t)\nsummary: \"\"\nversion: \"1.0\"\nadopted: \(day)\n---\n\n## First principle\n\nEach `##` section is one principle.\n")
        case .page:
            return ("pages", "\(slug).md", "---\ntitle: \(t)\nsummary: \"\"\n---\n\nWrite the page here.\n")
        case .vacancy:
            let closes = Day(year: day.year, month: day.month, day: 1).map { _ in day } ?? day
            return ("vacancies", "\(slug).yaml", """
            id: \(slug)
            title: \(t)
            employer: "Employer name"
            location: "Town"
            posted: \(day)
            closes: \(closes)
            apply_url: "https://example.org/apply"
            contract: permanent
            hours: full-time

            """)
        }
    }
}
