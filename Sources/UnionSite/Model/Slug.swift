import Foundation

/// The rule for slugs, vacancy ids and tags: `[a-z0-9][a-z0-9-]*`.
///
/// Because a slug can only be this, no slug can name `..`, an absolute path, a backslash or
/// a look-alike letter: output paths built from slugs cannot leave the output folder.
public enum Slug {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// A slug made from a title: `"Fixed-term contracts: your rights"` → `fixed-term-contracts-your-rights`.
    public static func from(_ title: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in title.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if isLowerAlnum(scalar) {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingHyphen = true
            }
        }
        return slug.isEmpty ? "untitled" : String(slug.prefix(80))
    }

    private static func isLowerAlnum(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }
}
