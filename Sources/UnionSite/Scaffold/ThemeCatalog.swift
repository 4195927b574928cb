import Foundation

/// `unionsite theme list` and `theme eject`: what each built-in file renders, and copying
/// built-in files into a site's `templates/` to edit them there (never over a file).
public enum ThemeCatalog {
    /// One line per built-in file; `ThemeTests` checks that every file has one.
    public static let descriptions: [String: String] = [
        "layout.mustache": "every page's frame: head, header, menu, footer; the others fill its `main` block",
        "home.mustache": "the home page (/): latest articles, open vacancies, recent changes",
        "article.mustache": "an article (/articles/<slug>/)",
        "article-list.mustache": "the list of articles (/articles/, /articles/page/N/)",
        "tags.mustache": "articles with one tag (/tags/<tag>/) and the list of tags (/tags/)",
        "principles.mustache": "the list of principle documents (/principles/)",
        "principle-document.mustache": "a principle document (/principles/<slug>/)",
        "guide-index.mustache": "the guide's front page (/guide/)",
        "chapter.mustache": "a guide chapter (/guide/<slug>/)",
        "guide-print.mustache": "the whole guide on one page for printing (/guide/print/)",
        "glossary.mustache": "the glossary, A to Z (/guide/glossary/)",
        "page.mustache": "a standalone page (/<slug>/, from content/pages/)",
        "vacancy.mustache": "a vacancy (/vacancies/<id>/)",
        "vacancy-list.mustache": "open vacancies with filters, and the archive (/vacancies/, /vacancies/archive/)",
        "updates.mustache": "every change note (/updates/, /guide/updates/)",
        "search.mustache": "the search page (/search/); its script is search.js",
        "not-found.mustache": "the page served for a missing URL (/404.html)",
        "partial-article-summary.mustache": "an article's card in lists",
        "partial-vacancy-summary.mustache": "a vacancy's card in lists",
        "partial-backlinks.mustache": "\"Pages that link here\" under an item",
        "partial-breadcrumbs.mustache": "the breadcrumb trail above a page's title",
        "partial-contents.mustache": "a page's contents list, from its ## headings",
        "partial-dates.mustache": "published, updated and review dates",
        "partial-history.mustache": "\"Updates to this page\": a page's change notes",
        "partial-pagination.mustache": "links between pages of a list",
        "site.css": "the stylesheet (published as /assets/site.<hash>.css)",
        "search.js": "the search page's script (published as /assets/search.<hash>.js)",
        "strings/en.yaml": "the theme's words in English: every key a language's table needs",
        "strings/cy.yaml": "the theme's words in Welsh (Cymraeg)",
    ]


    /// Copies built-in files into `<root>/templates/`.
    /// - Returns: for each file, its path relative to the root and whether it was written
    ///   (false: a file was already there and was left as it was).
    public static func eject(_ names: [String], root: SiteRoot) throws(Diagnostics) -> [(path: String, written: Bool)] {
        let files = try resolve(names)
        var result: [(String, Bool)] = []
        do {
            try FileManager.default.createDirectory(at: root.templates, withIntermediateDirectories: true)
            for file in files {
                let url = root.templates.appendingPathComponent(file)
                let path = root.relativePath(url)
                if FileManager.default.fileExists(atPath: url.path) {
                    result.append((path, false))
                    continue
                }
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data((ThemeFiles.text(of: file) ?? "").utf8).write(to: url, options: .withoutOverwriting)
                result.append((path, true))
            }
        } catch {
            throw Diagnostics([.error("cannot write to \(root.relativePath(root.templates)): \(error.localizedDescription)", at: nil, code: "eject-failed")])
        }
        return result
    }

    /// File names for `names`, which may leave off `.mustache`; every unknown name is an
    /// error that lists the valid ones.
    static func resolve(_ names: [String]) throws(Diagnostics) -> [String] {
        var files: [String] = []
        var unknown: [String] = []
        for name in names {
            let bare = name.hasPrefix("templates/") ? String(name.dropFirst("templates/".count)) : name
            if ThemeFiles.text(of: bare) != nil { files.append(bare) }
            else if ThemeFiles.text(of: bare + ".mustache") != nil { files.append(bare + ".mustache") }
            else { unknown.append(name) }
        }
        guard unknown.isEmpty else {
            let list = unknown.map { "`\($0)`" }.joined(separator: ", ")
            throw Diagnostics([.error("no built-in theme file is called \(list); the names are: \(ThemeFiles.fileNames.joined(separator: ", "))",
                                      at: nil, code: "eject-unknown")])
        }
        var seen = Set<String>()
        return files.filter { seen.insert($0).inserted }
    }
}
