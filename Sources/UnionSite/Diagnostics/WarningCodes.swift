/// Every code a warning can carry, so that `site.yaml`'s `lint: { off: [...] }` can tell a
/// code that switches something off from a misspelt one that would switch off nothing.
///
/// A new warning must add its code here; `WarningCodesTests` finds every `.warning(` and
/// `warn(` in the sources and fails on a code that is missing.
enum WarningCodes {
    static let all: [String] = [
        // Authoring lint (`Link/Lint.swift`).
        "image-alt", "heading-skip", "link-text", "article-summary", "duplicate-title", "orphan-page", "raw-html", "review-due",
        // Links, files and vacancies.
        "link-unsafe", "file-ignored", "vacancy-no-posted", "vacancy-unknown-field",
        // Keys and values (issue 16).
        "unknown-key", "unsupported-key", "unknown-lint-code", "glossary-alias-is-term",
        // Guidance Markdown (issue 14, `Markdown/Guidance/`).
        "table-cells", "alert-placement", "footnote-unused", "footnote-duplicate", "abbreviation-duplicate",
        // Change notes (issue 17, `Model/ChangeReader.swift`, `ChangeChecks`, `ModelBuilder`).
        "duplicate-change", "vague-change-note", "updated-without-note", "future-change",
        // Languages (issue 20, `Link/LinkChecker.swift`).
        "link-untranslated", "translation-outdated",
        // The theme and images (issue 18, `Load/TemplateLoader.swift`, `Render/ThemeOverrides.swift`, `Link/ImageSizes.swift`).
        "template-unknown", "template-missing-value", "image-unreadable",
        // The theme's string tables (issue 20, `Render/ThemeStrings+Tables.swift`).
        "strings-unknown-key", "strings-unused-table",
    ]
}
