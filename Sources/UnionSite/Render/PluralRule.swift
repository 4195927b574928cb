/// Which plural form a count takes, by fixed rules from CLDR (not the operating system's
/// locale data, which differs between machines and is absent on some).
enum PluralRule: String, Sendable, Hashable {
    /// one (1), other: English and the default for a language without a rule of its own.
    case oneOther
    /// CLDR's Welsh rule: zero (0), one (1), two (2), few (3), many (6), other.
    case welsh

    enum Category: String, Sendable, Hashable, CaseIterable {
        case zero, one, two, few, many, other
    }

    /// The rule for a language code (`cy`, `cy-GB`, `en-GB`): by its primary subtag.
    static func forLanguage(_ code: String) -> PluralRule {
        StringTableLanguage.primary(code) == "cy" ? .welsh : .oneOther
    }

    /// The categories a table for this rule must give every count.
    var categories: [Category] {
        switch self {
        case .oneOther: [.one, .other]
        case .welsh: Category.allCases
        }
    }

    /// The printed counts are whole numbers, so only the integer conditions of the rules matter.
    func category(of count: Int) -> Category {
        switch (self, count) {
        case (.oneOther, 1): .one
        case (.oneOther, _): .other
        case (.welsh, 0): .zero
        case (.welsh, 1): .one
        case (.welsh, 2): .two
        case (.welsh, 3): .few
        case (.welsh, 6): .many
        case (.welsh, _): .other
        }
    }
}

enum StringTableLanguage {
    /// `en-GB` → `en`: the table a regional variant uses when it has none of its own.
    static func primary(_ code: String) -> String {
        String(code.lowercased().split(separator: "-").first ?? "")
    }
}
