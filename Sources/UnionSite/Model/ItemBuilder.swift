import Foundation

/// Builds articles, principle documents, guide chapters and pages from their front matter.
struct ItemBuilder {
    let timeZone: TimeZone
    private(set) var problems: [Diagnostic] = []

    init(timeZone: TimeZone) { self.timeZone = timeZone }

    mutating func article(_ document: SourceDocument) -> Article? {
        var fields = reader(document)
        let date = fields.date("date", required: true)
        let updated = fields.date("updated")
        let tags = tagList(&fields)
        let author = fields.string("author")
        let draft = fields.bool("draft") ?? false
        // The shared fields come last: whatever no reader asked for becomes `params`.
        let item = item(document, &fields, published: date, updated: updated)
        finish(&fields, kind: document.kind)
        guard let item, let date else { return nil }
        return Article(item: item, date: date, updated: updated, tags: tags, author: author, draft: draft)
    }

    mutating func principleDocument(_ document: SourceDocument) -> PrincipleDocument? {
        var fields = reader(document)
        let version = fields.string("version")
        let adopted = fields.date("adopted")
        // The shared fields come last: whatever no reader asked for becomes `params`.
        let item = item(document, &fields, published: adopted)
        finish(&fields, kind: document.kind)
        guard let item else { return nil }
        return PrincipleDocument(item: item, version: version, adopted: adopted?.day)
    }

    mutating func chapter(_ document: SourceDocument) -> GuideChapter? {
        var fields = reader(document)
        let order = fields.int("order")
        let terms = GlossaryTermReader.terms(&fields, chapterID: document.contentPath)
        // The shared fields come last: whatever no reader asked for becomes `params`.
        let item = item(document, &fields)
        finish(&fields, kind: document.kind)
        guard let item else { return nil }
        return GuideChapter(item: item, order: order, terms: terms)
    }

    mutating func page(_ document: SourceDocument) -> Page? {
        var fields = reader(document)
        // The shared fields come last: whatever no reader asked for becomes `params`.
        let item = item(document, &fields)
        finish(&fields, kind: document.kind)
        guard let item else { return nil }
        return Page(item: item)
    }

    // MARK: - Shared

    private func reader(_ document: SourceDocument) -> FieldReader {
        FieldReader(document.frontMatter, at: SourceLocation(path: document.path), timeZone: timeZone)
    }

    /// Unknown keys stay in `params` for templates; those that look like mistakes also warn.
    private mutating func finish(_ fields: inout FieldReader, kind: ContentKind) {
        fields.warnMistakenKeys(defined: KnownKeys.frontMatter(kind), otherKinds: KnownKeys.otherKindKeys[kind] ?? [:],
                                unsupported: KnownKeys.unsupportedFrontMatter, params: "page.params", noun: kind.noun)
        problems.append(contentsOf: fields.problems)
    }

    /// The fields every kind has, and the slug and URL they give.
    /// - Parameters: published, updated: the kind's own dates, which its `changes` must agree with.
    private func item(_ document: SourceDocument, _ fields: inout FieldReader, published: ContentDate? = nil,
                      updated: ContentDate? = nil) -> ContentItem? {
        let title = fields.string("title", required: true)
        let summary = fields.string("summary")
        let autolink = fields.bool("autolink")
        let reviewBy = fields.day("review_by")
        let translationKey = fields.string("translation_key")?.trimmed ?? document.contentPath
        let changes = ChangeReader.changes(&fields, allowsVersion: document.kind.descriptor.model == .principleDocument).newestFirst()
        ChangeChecks.check(changes, published: published, updated: updated, fields: &fields)
        let slug = self.slug(document, &fields)
        guard let title, let slug, !fields.problems.contains(where: { $0.severity == .error }) else { return nil }
        return ContentItem(id: document.contentPath, kind: document.kind, title: title.trimmed, summary: summary?.trimmed,
                           slug: slug, url: url(for: document, slug: slug), location: SourceLocation(path: document.path),
                           body: MarkdownSource(text: document.body, path: document.path, firstLine: document.bodyFirstLine),
                           autolink: autolink, params: fields.unused, reviewBy: reviewBy, changes: changes,
                           language: document.languageSuffix, translationKey: translationKey)
    }

    private func slug(_ document: SourceDocument, _ fields: inout FieldReader) -> String? {
        if let given = fields.string("slug") {
            guard Slug.isValid(given) else {
                fields.fail("`slug` must be lower-case letters, digits and hyphens, starting with a letter or digit, found \(given)",
                            at: fields.node("slug")?.location ?? fields.location, code: "invalid-slug")
                return nil
            }
            return given
        }
        guard Slug.isValid(document.baseName) else {
            fields.fail("the file name \(document.baseName).md is not a valid slug: rename it (lower-case letters, digits, hyphens) or set `slug:`",
                        at: fields.location, code: "invalid-slug")
            return nil
        }
        return document.baseName
    }

    private func url(for document: SourceDocument, slug: String) -> SitePath {
        Routes.site.item(document.kind, slug: slug, isGuideIndex: document.contentPath == "guide/index.md")
    }

    /// Tags follow the slug rule because each becomes a folder under `/tags/`; two written
    /// alike (`Pay`, `pay`) are one tag.
    private func tagList(_ fields: inout FieldReader) -> [String] {
        var tags: [String] = []
        for (tag, location) in fields.locatedList("tags") {
            let normalised = Self.normalisedTag(tag)
            guard Slug.isValid(normalised) else {
                fields.fail("tag `\(tag)` must be lower-case letters, digits and hyphens", at: location, code: "invalid-tag")
                continue
            }
            if !tags.contains(normalised) { tags.append(normalised) }
        }
        return tags
    }
}

extension ItemBuilder {
    /// A tag lower-cased with its spaces turned into hyphens: `Pay Scales` → `pay-scales`.
    /// ASCII (nearly every tag) is done on its bytes; anything else goes through Foundation.
    static func normalisedTag(_ tag: String) -> String {
        guard ASCIIBytes.isASCII(tag) else { return tag.lowercased().replacingOccurrences(of: " ", with: "-") }
        return String(decoding: tag.utf8.map { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 0x20
            case UInt8(ascii: " "): UInt8(ascii: "-")
            default: byte
            }
        }, as: UTF8.self)
    }

    /// What one document gives: its item of the right kind (nil when a field is wrong) and
    /// the problems found in its front matter. A value of its own so `serve` can keep it.
    struct Built: Sendable {
        enum Item: Sendable {
            case article(Article), principleDocument(PrincipleDocument), chapter(GuideChapter), page(Page)
        }
        let item: Item?
        let problems: [Diagnostic]
    }

    /// Builds one document on its own: nothing here depends on any other document.
    static func build(_ document: SourceDocument, timeZone: TimeZone) -> Built {
        var builder = ItemBuilder(timeZone: timeZone)
        let item: Built.Item? = switch document.kind.descriptor.model {
        case .article: builder.article(document).map(Built.Item.article)
        case .principleDocument: builder.principleDocument(document).map(Built.Item.principleDocument)
        case .guideChapter: builder.chapter(document).map(Built.Item.chapter)
        case .page: builder.page(document).map(Built.Item.page)
        }
        return Built(item: item, problems: builder.problems)
    }
}
