import Foundation

/// The Load stage's work on one file (see `StageWork`). `SourceLoader.load` walks the folders
/// and gathers the results in order; this reads.
protocol LoadWork: Sendable {
    /// One Markdown file read and split into front matter and body (`SourceLoader.readDocument`).
    func readDocument(_ url: URL, kind: ContentKind, reader: TextFileReader) -> Result<SourceDocument, Diagnostics>
    /// One vacancy file's records (`SourceLoader.readVacancyFile`).
    func readVacancyFile(_ url: URL, reader: TextFileReader) -> Result<[SourceRecord], Diagnostics>
    /// An image's size from its header (`ImageHeader.read`).
    func readImageSize(_ absolutePath: String) -> Result<PixelSize, ImageHeader.Problem>
}

extension DirectWork: LoadWork {
    func readDocument(_ url: URL, kind: ContentKind, reader: TextFileReader) -> Result<SourceDocument, Diagnostics> {
        SourceLoader.readDocument(url, kind: kind, reader: reader)
    }

    func readVacancyFile(_ url: URL, reader: TextFileReader) -> Result<[SourceRecord], Diagnostics> {
        SourceLoader.readVacancyFile(url, reader: reader)
    }

    func readImageSize(_ absolutePath: String) -> Result<PixelSize, ImageHeader.Problem> {
        ImageHeader.read(path: absolutePath)
    }
}
