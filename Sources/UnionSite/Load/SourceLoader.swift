import Foundation

/// Stage 1, **load**: reads every file the site is made of and hands on a `SourceTree`.
///
/// Only a missing or unreadable `site.yaml` stops it; problems with single files ride along in
/// `SourceTree.problems` so the Model stage can report them with its own, all in one run.
/// It is the only stage that reads the disk (Write is the only one that writes), so every
/// later stage is a pure function that tests can drive without files.
public enum SourceLoader {
    public static func load(_ root: SiteRoot) throws(Diagnostics) -> SourceTree {
        try load(root, work: DirectWork())
    }

    /// - Parameter work: how each file is read; `serve` passes one that skips files whose size,
    ///   inode and times are unchanged (`StageWork`).
    static func load(_ root: SiteRoot, work: any LoadWork) throws(Diagnostics) -> SourceTree {
        var problems = Diagnostics()
        var timer = StageTimer("load")
        defer { timer.report() }
        let settings = try loadSettings(root)
        let reader = TextFileReader(root: root, maxBytes: maxFileSize(settings) ?? TextFileReader.defaultMaxBytes)
        var walker = FileWalker(root: root)

        let documentFiles = documentFiles(root, walker: &walker)
        let (vacancyFiles, ignored) = vacancyFiles(root, walker: &walker)
        timer.lap("walk")
        let (documents, records) = read(documents: documentFiles, vacancies: vacancyFiles, reader: reader, work: work, ignored: ignored,
                                        problems: &problems)
        timer.lap("read")
        let statics = walker.files(under: root.content.appendingPathComponent("static")).map {
            StaticFile(path: String(root.relativePath($0).dropFirst("content/static/".count)), absolutePath: $0.path, work: work)
        }
        let templates = TemplateLoader.load(root, reader: reader, walker: &walker, problems: &problems)
        problems.append(contentsOf: walker.diagnostics)
        problems.append(contentsOf: strayFiles(root, walker: &walker))
        timer.lap("statics+templates+stray")
        return SourceTree(settings: settings, settingsPath: root.relativePath(root.settingsFile), documents: documents,
                          vacancyRecords: records, staticFiles: statics, templates: templates, problems: problems.items)
    }

    static func loadSettings(_ root: SiteRoot) throws(Diagnostics) -> YAMLNode {
        let path = root.relativePath(root.settingsFile)
        guard FileManager.default.fileExists(atPath: root.settingsFile.path) else {
            throw .error("no content/site.yaml: every site needs one, with at least `title` and `base_url`",
                         at: SourceLocation(path: path), code: "settings-missing")
        }
        let file: SourceFile
        switch TextFileReader(root: root, maxBytes: TextFileReader.defaultMaxBytes).read(root.settingsFile) {
        case .success(let read): file = read
        case .failure(let problem): throw Diagnostics([problem])
        }
        guard let node = try YAMLParser.parse(file.text, path: path), node.entries != nil else {
            throw .error("site.yaml must be a mapping of settings, with at least `title` and `base_url`",
                         at: SourceLocation(path: path), code: "settings-invalid")
        }
        return node
    }

    /// `max_file_size` in site.yaml, in bytes (read here because it governs reading). A value
    /// that is not a number above 0 leaves the default, and `SettingsReader` reports it.
    static func maxFileSize(_ settings: YAMLNode) -> Int? {
        settings.entry("max_file_size")?.value.string.flatMap { Int($0.trimmed) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Every Markdown file's absolute path, by kind.
    private static func documentFiles(_ root: SiteRoot, walker: inout FileWalker) -> [(String, ContentKind)] {
        var files: [(String, ContentKind)] = []
        for kind in ContentKind.allCases {
            let folder = root.content.appendingPathComponent(kind.folder)
            for path in walker.paths(under: folder, recursive: kind.isRecursive) where path.hasSuffix(".md") {
                files.append((path, kind))
            }
        }
        return files
    }

    /// Reading, splitting and parsing are per file: on every core, results in order. Vacancy
    /// files go first, beside the documents: a spreadsheet of thousands of rows read alone
    /// after them kept one core idle. Problems are listed as before: the documents', then the
    /// vacancy folder's (`ignored` files first).
    private static func read(documents documentFiles: [(String, ContentKind)], vacancies vacancyFiles: [URL], reader: TextFileReader,
                             work: any LoadWork, ignored: [Diagnostic], problems: inout Diagnostics) -> ([SourceDocument], [SourceRecord]) {
        let jobs = vacancyFiles.map(FileJob.vacancies) + documentFiles.map { FileJob.document($0.0, $0.1) }
        var documents: [SourceDocument] = []
        var records: [SourceRecord] = []
        var vacancyProblems = ignored
        for result in Parallel.map(jobs, { job in job.read(reader: reader, work: work) }) {
            switch result {
            case .document(.success(let document)): documents.append(document)
            case .document(.failure(let error)): problems.append(contentsOf: error.items)
            case .vacancies(.success(let found)): records.append(contentsOf: found)
            case .vacancies(.failure(let error)): vacancyProblems += error.items
            }
        }
        problems.append(contentsOf: vacancyProblems)
        return (documents, records)
    }

    /// One Markdown file read and split into front matter and body, or why it could not be.
    static func readDocument(_ url: URL, kind: ContentKind, reader: TextFileReader) -> Result<SourceDocument, Diagnostics> {
        switch reader.read(url) {
        case .failure(let problem): return .failure(Diagnostics([problem]))
        case .success(let file):
            do throws(Diagnostics) { return .success(try document(file, kind: kind)) }
            catch { return .failure(error) }
        }
    }

    /// One file to read: a Markdown document, or a file of vacancy records.
    private enum FileJob: Sendable {
        /// A Markdown file's absolute path (its `URL` is made where it is read).
        case document(String, ContentKind)
        case vacancies(URL)

        enum Outcome: Sendable {
            case document(Result<SourceDocument, Diagnostics>)
            case vacancies(Result<[SourceRecord], Diagnostics>)
        }

        func read(reader: TextFileReader, work: any LoadWork) -> Outcome {
            switch self {
            case .document(let path, let kind): .document(work.readDocument(URL(fileURLWithPath: path, isDirectory: false), kind: kind, reader: reader))
            case .vacancies(let url): .vacancies(work.readVacancyFile(url, reader: reader))
            }
        }
    }

    static func document(_ file: SourceFile, kind: ContentKind) throws(Diagnostics) -> SourceDocument {
        let parts: FrontMatter
        switch FrontMatter.split(file.text) {
        case .success(let split): parts = split
        case .failure(.empty): throw .error("file is empty: a \(kind.noun) needs front matter with at least `title`", at: file.location(), code: "file-empty")
        case .failure(.missingOpeningFence): throw .error("missing front matter: the file must start with a line `---`", at: file.location(), code: "front-matter-missing")
        case .failure(.missingClosingFence): throw .error("front matter is not closed: add a line `---` after it", at: file.location(), code: "front-matter-unclosed")
        }
        let yaml = try YAMLParser.parse(parts.yaml, path: file.path, firstLine: parts.yamlFirstLine)
            ?? YAMLNode(value: .map([]), location: file.location(line: 2))
        guard yaml.entries != nil else {
            throw .error("front matter must be a mapping of `key: value` lines, found \(yaml.kindName)", at: yaml.location, code: "front-matter-invalid")
        }
        return SourceDocument(path: file.path, kind: kind, frontMatter: yaml, body: parts.body, bodyFirstLine: parts.bodyFirstLine)
    }

    /// The vacancy folder's .yaml, .yml, .json and .csv files, and a warning for any other.
    private static func vacancyFiles(_ root: SiteRoot, walker: inout FileWalker) -> (files: [URL], ignored: [Diagnostic]) {
        let extensions: Set<String> = ["yaml", "yml", "json", "csv"]
        var kept: [URL] = []
        var ignored: [Diagnostic] = []
        for url in walker.files(under: root.content.appendingPathComponent("vacancies")) {
            if extensions.contains(url.pathExtension.lowercased()) {
                kept.append(url)
            } else {
                // A spreadsheet saved as .xlsx or .tsv would otherwise be passed over without a word.
                ignored.append(.warning("this file is not .yaml, .yml, .json or .csv, so no vacancies are read from it",
                                        at: SourceLocation(path: root.relativePath(url)), code: "file-ignored"))
            }
        }
        return (kept, ignored)
    }

    /// One vacancy file's records, or why it could not be read.
    static func readVacancyFile(_ url: URL, reader: TextFileReader) -> Result<[SourceRecord], Diagnostics> {
        switch reader.read(url) {
        case .failure(let problem): return .failure(Diagnostics([problem]))
        case .success(let file):
            do throws(Diagnostics) { return .success(try VacancyFileReader.records(in: file)) }
            catch { return .failure(error) }
        }
    }

    /// Markdown files outside the folders the content model knows are probably mistakes.
    private static func strayFiles(_ root: SiteRoot, walker: inout FileWalker) -> [Diagnostic] {
        walker.files(under: root.content, recursive: false)
            .filter { $0.pathExtension == "md" }
            .map { .warning("this file is not in a content folder (articles/, principles/, guide/, pages/) and is not built",
                            at: SourceLocation(path: root.relativePath($0)), code: "file-ignored") }
    }
}
