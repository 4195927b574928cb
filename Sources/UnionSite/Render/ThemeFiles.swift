/// The built-in theme, embedded in the binary so `unionsite` needs no files beside it.
///
/// Its source of truth is the repository's top-level `templates/` folder, the same folder
/// a site keeps its own templates in. SwiftPM resources must live inside the target's folder,
/// so `scripts/sync-theme` writes `ThemeFiles+Embedded.swift` (one string literal a file)
/// instead: plain `swift build` needs no plugin, and `ThemeTests` fails when the generated
/// file and `templates/` disagree.
public enum ThemeFiles {
    static let bytes: [String: [UInt8]] = embedded.mapValues { Array($0.utf8) }

    /// The `.mustache` files, by template name (`article`, `partial-contents`).
    static let templates: [String: SourceFile] = {
        var result: [String: SourceFile] = [:]
        for (file, content) in embedded where file.hasSuffix(".mustache") {
            result[templateName(file)] = SourceFile(path: "(built-in theme)/\(file)", text: content)
        }
        return result
    }()

    /// Files copied to `/assets/` (under a hashed name, `AssetNames`), by file name.
    static let assets: [String: [UInt8]] = bytes.filter { !$0.key.hasSuffix(".mustache") && !isStringTable($0.key) }

    /// `strings/cy.yaml`: a language's words (`ThemeStrings`), read at build time, never published.
    static func isStringTable(_ file: String) -> Bool { file.hasPrefix("strings/") && file.hasSuffix(".yaml") }

    /// Every file name of the built-in theme, sorted (`theme list`, `theme eject`).
    public static var fileNames: [String] { embedded.keys.sorted() }

    /// The text of a built-in file, by file name (`layout.mustache`, `site.css`).
    public static func text(of file: String) -> String? { embedded[file] }

    /// `article.mustache` → `article`.
    static func templateName(_ file: String) -> String { String(file.dropLast(".mustache".count)) }

    /// Whether a site's `templates/` file by this name replaces a built-in asset.
    static func isAsset(_ file: String) -> Bool { assets[file] != nil }
}
