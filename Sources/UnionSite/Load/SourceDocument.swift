import Foundation

/// A Markdown content file split into front matter and body, not yet interpreted.
public struct SourceDocument: Sendable, Hashable {
    public let path: String
    public let kind: ContentKind
    /// The front matter as a mapping (an empty one when the fences hold nothing).
    public let frontMatter: YAMLNode
    public let body: String
    /// The file line the body starts on: cmark's line 1 is this line.
    public let bodyFirstLine: Int

    /// The file name without `.md` (nor a language suffix): the default slug.
    var baseName: String {
        let name = fileStem
        return String(languageDot(in: name).map { name[..<$0] } ?? name)
    }

    /// The path below `content/`, as cross-links name it: `guide/academies.md`; a translation's
    /// without its language (`guide/academies.cy.md` → `guide/academies.md`), which is its id
    /// among its language's pages, so relative links between translations read as between originals.
    var contentPath: String {
        let full = path.hasPrefix("content/") ? String(path.dropFirst("content/".count)) : path
        guard let language = languageSuffix else { return full }
        let suffix = ".\(language).md"
        guard full.utf8.count >= suffix.utf8.count, full.utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) else { return full }
        return String(full[..<full.utf8.index(full.endIndex, offsetBy: -suffix.utf8.count)]) + ".md"
    }

    /// `cy` for `about.cy.md`: the language a translation is written in; nil for the default
    /// language. Only a suffix shaped like a language code counts (`notes.v2.md` has none).
    var languageSuffix: String? {
        let name = fileStem
        return languageDot(in: name).map { String(name[name.utf8.index(after: $0)...]) }
    }

    /// The `.` before a language suffix in a file stem. By bytes, as every part of a file name
    /// is read here: `.` and `/` are ASCII, and no byte of a longer UTF-8 sequence is; read by
    /// `Character`s, a `.` after a prepending mark belongs to that mark's character.
    private func languageDot(in name: Substring) -> String.Index? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        return SiteLanguage.isValidCode(String(name[name.utf8.index(after: dot)...])) ? dot : nil
    }

    /// The file name without `.md`. Found from the last `/`, not by splitting the path: the
    /// model asks for it several times per file.
    private var fileStem: Substring {
        // By bytes, not `Character`s (the model asks for 10,000 files, on one core).
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.utf8.index(after: $0)...] } ?? path[...]
        return name.utf8.count >= 3 && name.utf8.suffix(3).elementsEqual(".md".utf8) ? name[..<name.utf8.index(name.endIndex, offsetBy: -3)] : name
    }
}

/// One vacancy record as read from a YAML, JSON or CSV file: its fields, each with the place
/// it came from. CSV cells arrive as quoted scalars on the row's physical line.
public struct SourceRecord: Sendable, Hashable {
    public let location: SourceLocation
    public let fields: [YAMLEntry]
    /// True for CSV rows, where a list (tags) is written as `a; b; c`.
    public let fromCSV: Bool
}

/// A file under `content/static/`, copied to the output as it is.
public struct StaticFile: Sendable, Hashable {
    /// Relative to `content/static/`: `files/core-principles.pdf`.
    public let path: String
    /// Where to read it from when writing.
    public let absolutePath: String
    /// For a PNG, GIF, JPEG, WebP or SVG file: its size, or why it cannot be told (a warning
    /// where a page shows it). Read here because Load is the stage that reads the disk.
    let image: Result<PixelSize, ImageHeader.Problem>?

    /// - Parameter work: reads an image's size; `serve`'s skips an image whose stamp is unchanged.
    init(path: String, absolutePath: String, work: any LoadWork = DirectWork()) {
        self.path = path
        self.absolutePath = absolutePath
        image = ImageHeader.extensions.contains((path as NSString).pathExtension.lowercased()) ? work.readImageSize(absolutePath) : nil
    }
}

/// Everything read from disk: the only stage that touches the file system before Write.
public struct SourceTree: Sendable {
    public let settings: YAMLNode
    public let settingsPath: String
    public internal(set) var documents: [SourceDocument]
    public let vacancyRecords: [SourceRecord]
    public let staticFiles: [StaticFile]
    /// `templates/*.mustache` of the site, by template name (`article`, `partials/head`).
    public let templates: [String: SourceFile]
    /// Problems found while reading: files that could not be read or split are left out
    /// and reported here; the Model stage throws them with its own.
    public let problems: [Diagnostic]
}
