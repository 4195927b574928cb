import Foundation

/// The Model stage's work on one document (see `StageWork`). `ModelBuilder.build` gathers the
/// items and checks what lies between them (URLs, translations, the glossary).
protocol ModelWork: Sendable {
    /// The typed item a document describes, with its problems (`ItemBuilder.build`).
    func buildItem(_ document: SourceDocument, timeZone: TimeZone) -> ItemBuilder.Built
}

extension DirectWork: ModelWork {
    func buildItem(_ document: SourceDocument, timeZone: TimeZone) -> ItemBuilder.Built {
        ItemBuilder.build(document, timeZone: timeZone)
    }
}
