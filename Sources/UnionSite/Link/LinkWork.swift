/// The Link stage's work on one body (see `StageWork`). `Linker.link` makes what all bodies
/// share (the `BodyReader`, the `LinkWorld`) and gathers backlinks and glossary uses; this
/// reads, checks and lints each body.
protocol LinkWork: Sendable {
    /// Reads bodies with the reader every body of this build shares (`BodyReader.read`):
    /// given once, so a memoised version compares the shared reader once, not per body.
    func bodyReading(with reader: BodyReader) -> ReadBody
    /// Checks a body's links against this build's world (`LinkChecker.check`).
    func linkChecking(in world: LinkWorld) -> CheckLinks
    /// A body's lint warnings (`Lint.bodyWarnings`).
    func lintBody(_ document: LinkedDocument, key: PageKey) -> [Diagnostic]
}

typealias ReadBody = @Sendable (_ source: LinkSources.Source) -> BodyReader.Read
typealias CheckLinks = @Sendable (_ links: [DocumentFacts.Link], _ from: PageKey, _ contentPath: String) -> LinkChecker.Checked

extension DirectWork: LinkWork {
    func bodyReading(with reader: BodyReader) -> ReadBody {
        { source in reader.read(source) }
    }

    func linkChecking(in world: LinkWorld) -> CheckLinks {
        let checker = world.checker
        return { links, key, contentPath in checker.check(links, from: key, contentPath: contentPath) }
    }

    func lintBody(_ document: LinkedDocument, key: PageKey) -> [Diagnostic] {
        Lint.bodyWarnings(document)
    }
}
