/// How links, backlinks, bodies and caches name a page: a content item by its content id
/// (`guide/academies.md`), or a vacancy by its id.
///
/// A type of its own rather than a `String`, so a vacancy's key cannot be mistaken for a
/// content id or a path, and no code spells `vacancy:` but the two places that must: the link
/// syntax (`LinkResolver` reads `vacancy:<id>` and makes `.vacancy`) and `description`, the one
/// way a key is printed in a message. `description` is the string keys were before they were
/// typed, and keys compare by it, so backlinks and lists sorted by key keep their order.
struct PageKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    enum Kind: Hashable, Sendable {
        case item, vacancy
    }

    let kind: Kind
    /// `guide/academies.md` or `vacancy:head-2026`: kept whole, since keys are sorted, hashed
    /// and printed far more often than taken apart.
    let description: String

    private static let vacancyScheme = "vacancy:"

    private init(kind: Kind, description: String) {
        self.kind = kind
        self.description = description
    }

    /// A content item's key: its content id.
    static func item(_ id: String) -> PageKey { PageKey(kind: .item, description: id) }

    /// A vacancy's key, by its id.
    static func vacancy(_ id: String) -> PageKey { PageKey(kind: .vacancy, description: vacancyScheme + id) }

    /// The content id, for an item's key.
    var itemID: String? { kind == .item ? description : nil }

    /// The vacancy's id, for a vacancy's key.
    var vacancyID: String? { kind == .vacancy ? String(description.dropFirst(Self.vacancyScheme.count)) : nil }

    static func < (a: PageKey, b: PageKey) -> Bool { a.description < b.description }

    // The description decides the kind except for a content file named `vacancy:…`, which the
    // kind tells apart; hashing the one string is enough.
    func hash(into hasher: inout Hasher) { hasher.combine(description) }
}

extension ContentItem {
    /// How links and backlinks name this item's page.
    var key: PageKey { .item(id) }
}

extension Vacancy {
    /// How links and backlinks name this vacancy's page.
    var key: PageKey { .vacancy(id) }
}
