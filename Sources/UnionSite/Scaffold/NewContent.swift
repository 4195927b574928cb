import Foundation

/// The `new` command: writes one new content file with valid front matter, named by the
/// slug rule, and never overwrites an existing file.
public enum NewContent {
    /// What `new` can make: a Markdown kind (named by its `ContentKind.descriptor.commandName`) or a vacancy.
    public enum Kind: Sendable, CaseIterable, RawRepresentable, Hashable {
        case content(ContentKind), vacancy

        public static var allCases: [Kind] { ContentKind.allCases.map(Kind.content) + [.vacancy] }

        public init?(rawValue: String) {
            guard let kind = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
            self = kind
        }

        public var rawValue: String {
            switch self {
            case .content(let kind): kind.descriptor.commandName
            case .vacancy: "vacancy"
            }
        }

        public static let article = Kind.content(.article)
    }

    public static func create(_ kind: Kind, title: String, in root: SiteRoot, date: Day? = nil) throws(Diagnostics) -> String {
        let day = date ?? Day.today(in: siteTimeZone(root))
        let slug = Slug.from(title)
        try checkBuilds(kind, title: title, slug: slug)
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

    /// Refuses what the next build would refuse: an empty title, and a slug whose URL the site
    /// writes itself (`new page "Search"`, `new vacancy "Archive"`).
    private static func checkBuilds(_ kind: Kind, title: String, slug: String) throws(Diagnostics) {
        guard !title.trimmed.isEmpty else { throw .error("the title must not be empty", at: nil, code: "new-title") }
        let taken: Bool
        switch kind {
        case .vacancy:
            taken = Routes.reservedVacancyIDs.contains(slug)
        case .content(let content):
            let url = Routes.site.item(content, slug: slug, isGuideIndex: content == .guideChapter && slug == "index")
            taken = URLCollisions.isReserved(url, kind: content)
        }
        if taken {
            let noun = if case .content(let content) = kind { content.descriptor.noun } else { "vacancy" }
            throw .error("a \(noun) named `\(slug)` would take a URL the site uses for its own page: choose another title",
                         at: nil, code: "new-reserved")
        }
    }

    /// `new --lang cy page "About"`: the original `pages/about.md` (named by the title's slug)
    /// copied to `pages/about.cy.md`, for translating in place: the front matter and body are
    /// the original's, so nothing the translation needs is left out.
    public static func translation(_ kind: Kind, title: String, language: String, in root: SiteRoot) throws(Diagnostics) -> String {
        guard case .content(let content) = kind else {
            throw .error("a vacancy is translated inside its record: add `\(language): {title, summary, description, location}`",
                         at: nil, code: "new-translation")
        }
        let settings = (try? SourceLoader.loadSettings(root)).flatMap { SettingsReader.read($0, path: "content/site.yaml", baseURLOverride: nil).0 }
        let languages = settings?.languages.map(\.code) ?? []
        guard languages.contains(language) else {
            throw .error("`\(language)` is not one of site.yaml's `languages`\(languages.isEmpty ? "" : " (" + languages.joined(separator: ", ") + ")")",
                         at: SourceLocation(path: "content/site.yaml"), code: "new-translation")
        }
        let folder = root.content.appendingPathComponent(content.descriptor.folder)
        let slug = Slug.from(title)
        let original = folder.appendingPathComponent(slug + ".md")
        let target = folder.appendingPathComponent(slug + "." + language + ".md")
        guard let data = FileManager.default.contents(atPath: original.path) else {
            throw .error("there is no \(root.relativePath(original)) to translate", at: nil, code: "new-translation")
        }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw .error("\(root.relativePath(target)) already exists; not overwriting it", at: SourceLocation(path: root.relativePath(target)),
                         code: "new-exists")
        }
        do {
            try data.write(to: target, options: .withoutOverwriting)
        } catch {
            throw .error("cannot write \(root.relativePath(target)): \(error.localizedDescription)", at: nil, code: "new-failed")
        }
        return root.relativePath(target)
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
        case .content(let content):
            let row = content.descriptor
            let keys = ["title: \(t)"] + row.scaffoldKeys(day)
            return (row.folder, "\(slug).md", "---\n" + keys.joined(separator: "\n") + "\n---\n\n" + row.scaffoldBody)
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
