import Foundation

/// Reads the site's `templates/` folder: Mustache templates by name (`partial-contents`),
/// and the theme's assets (`site.css`, `search.js`) by file name, both replacing the built-in
/// file of the same name (`ThemeOverrides`); and string tables (`strings/cy.yaml`, by that
/// path), merged over the built-in ones (`ThemeStrings.load`).
///
/// A file that matches no built-in name is almost always a misspelt or guessed override that
/// would otherwise be silently ignored, so it is a warning naming the file — unless it is a
/// new partial that another site template includes.
enum TemplateLoader {
    static func load(_ root: SiteRoot, reader: TextFileReader, walker: inout FileWalker,
                     problems: inout Diagnostics) -> [String: SourceFile] {
        var templates: [String: SourceFile] = [:]
        let prefix = root.relativePath(root.templates) + "/"
        var unknown: [(name: String, path: String)] = []
        for url in walker.files(under: root.templates) {
            let relative = String(root.relativePath(url).dropFirst(prefix.count))
            let isTemplate = url.pathExtension == "mustache"
            let name = isTemplate ? ThemeFiles.templateName(relative) : relative
            guard isTemplate || ThemeFiles.isAsset(relative) || ThemeFiles.isStringTable(relative) else {
                unknown.append((relative, root.relativePath(url)))
                continue
            }
            switch reader.read(url) {
            case .failure(let problem): problems.append(problem)
            case .success(let file):
                templates[name] = file
                if isTemplate && ThemeFiles.templates[name] == nil { unknown.append((name, file.path)) }
            }
        }
        let included = Set(templates.values.flatMap { PartialReferences.find(in: $0.text).map(\.name) })
        for file in unknown where !included.contains(file.name) {
            problems.append(warning(for: file.path, name: file.name))
        }
        return templates
    }

    private static func warning(for path: String, name: String) -> Diagnostic {
        let builtIns = ThemeFiles.fileNames.map { $0.hasSuffix(".mustache") ? ThemeFiles.templateName($0) : $0 }
        let hint = EditDistance.suggestion(for: name, among: builtIns).map { " (did you mean `\($0)`?)" } ?? ""
        return .warning("\(path) matches no built-in template or asset and no template includes it, so it is not used\(hint); "
                        + "`unionsite theme list` shows the names", at: SourceLocation(path: path), code: "template-unknown")
    }
}
