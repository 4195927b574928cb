/// The rules that tie a page to its translations: a translation is in a configured language,
/// one page per language and key, and a translated chapter takes its original's `order`.
enum Translations {
    /// A file suffix for a language site.yaml does not list (`about.fr.md`).
    static func unknownLanguages(_ documents: [SourceDocument], settings: SiteSettings) -> [Diagnostic] {
        let codes = Set(settings.languages.map(\.code))
        // By index: the closure took a copy of each document, body included.
        return documents.indices.compactMap { index in
            guard let language = documents[index].languageSuffix, !codes.contains(language) else { return nil }
            let listed = codes.isEmpty ? "site.yaml lists no further `languages`" : "site.yaml's `languages` are " + codes.sorted().joined(separator: ", ")
            return .error("this file is in `\(language)` (the suffix before .md), but \(listed)", at: SourceLocation(path: documents[index].path),
                          code: "unknown-language")
        }
    }

    /// A translated chapter without an `order` of its own takes its original's.
    static func inheritingOrder(_ items: [ItemBuilder.Built.Item], from original: Site) -> [ItemBuilder.Built.Item] {
        let orders = chapterOrders(original)
        return items.map { item in
            guard case .chapter(let chapter) = item, chapter.order == nil, let order = orders[chapter.item.translationKey] else { return item }
            return .chapter(GuideChapter(item: chapter.item, order: order, terms: chapter.terms))
        }
    }

    /// Each chapter's `order`, by translation key.
    private static func chapterOrders(_ site: Site) -> [String: Int] {
        Dictionary(site.chapters.compactMap { chapter in chapter.order.map { (chapter.item.translationKey, $0) } },
                   uniquingKeysWith: { first, _ in first })
    }

    /// Two files claiming one page in one language, and chapters whose versions disagree on `order`.
    static func check(_ site: Site) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let orders = chapterOrders(site)
        for language in [site] + site.translations {
            var owners: [String: SourceLocation] = [:]
            for item in language.items {
                if let first = owners[item.translationKey] {
                    problems.append(.error("\(first.path) and \(item.location.path) are both the \(language.settings.language) version of "
                                           + "`\(item.translationKey)`", at: item.location, code: "duplicate-translation"))
                } else {
                    owners[item.translationKey] = item.location
                }
            }
            guard language.settings.languageCode != nil else { continue }
            for chapter in language.chapters {
                if let own = chapter.order, let original = orders[chapter.item.translationKey], own != original {
                    problems.append(.error("`order: \(own)` differs from the original's `order: \(original)`: a translated chapter keeps "
                                           + "its place in the guide", at: chapter.item.location, code: "translation-order"))
                }
            }
        }
        return problems
    }
}

extension Translations {
    /// A translation last changed (or published) before its original's newest change may not
    /// say what the original now says: a warning, until the translation gets a change note,
    /// and a notice on the page (`Site.outdatedTranslations`), so readers know it too.
    /// - Returns: the warnings, and each translation's site with its outdated pages marked.
    static func markOutdated(_ site: Site) -> (warnings: [Diagnostic], translations: [Site]) {
        // A site of one language has nothing to compare (and its originals by key were made for nothing).
        guard !site.translations.isEmpty else { return ([], []) }
        let originals = Dictionary(site.items.map { ($0.translationKey, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [Diagnostic] = []
        var marked = site.translations
        for (index, translation) in site.translations.enumerated() {
            let published = Dictionary(translation.articles.map { ($0.item.id, $0.date.day) }, uniquingKeysWith: { a, _ in a })
            for item in translation.items {
                guard let original = originals[item.translationKey], let changed = site.changes(of: original).first else { continue }
                let asOf = translation.changes(of: item).first?.date.day ?? published[item.id]
                guard asOf.map({ $0 < changed.date.day }) ?? true else { continue }
                problems.append(.warning("\(original.location.path) changed on \(changed.date.day) (\(changed.note)), after this translation "
                                         + "was last updated: bring it up to date and add a change note", at: item.location,
                                         code: "translation-outdated"))
                marked[index].outdatedTranslations[item.location.path] = PageVersion.Original(
                    href: site.settings.href(original.url), language: site.settings.language)
            }
        }
        return (problems, marked)
    }
}

extension ItemBuilder.Built.Item {
    var language: String? { contentItem?.language }
}

extension Site {
    /// A page of the default language without a version in a further language.
    public struct MissingTranslation: Sendable, Hashable {
        public let location: SourceLocation
        public let title: String
        public let language: String
    }

    /// For `check --translations`: every default-language page lacking a version, by file, then language.
    public var missingTranslations: [MissingTranslation] {
        var missing: [MissingTranslation] = []
        for translation in translations {
            let keys = Set(translation.items.map(\.translationKey))
            for item in items where !keys.contains(item.translationKey) {
                missing.append(MissingTranslation(location: item.location, title: item.title, language: translation.settings.language))
            }
        }
        return missing.sorted { ($0.location, $0.language) < ($1.location, $1.language) }
    }
}
