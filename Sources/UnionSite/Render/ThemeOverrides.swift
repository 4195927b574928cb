/// What a site's `templates/` folder changes in the built-in theme.
///
/// A file byte-identical to its built-in twin is no override: the repository's own
/// `templates/` *is* the built-in theme, and a site that ejected a file and left it alone
/// should keep the compiled fast path (`CompiledTheme.usable(overriding:)`).
enum ThemeOverrides {
    /// The site's Mustache templates that differ from the built-in ones, by template name.
    static func templates(_ site: [String: SourceFile]) -> [String: SourceFile] {
        site.filter { name, file in
            !ThemeFiles.isAsset(name) && !ThemeFiles.isStringTable(name) && ThemeFiles.templates[name]?.text != file.text
        }
    }

    /// The theme's assets as this site publishes them: built-in, or the site's own by the same name.
    static func assets(_ site: [String: SourceFile]) -> [String: [UInt8]] {
        var assets = ThemeFiles.assets
        for (name, file) in site where ThemeFiles.isAsset(name) { assets[name] = Array(file.text.utf8) }
        return assets
    }
}
