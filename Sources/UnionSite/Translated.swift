/// The further languages' sites, linked and rendered after the default language's, their
/// files put under `/<code>/`, and the one sitemap written for all of them.
///
/// Each language is a `Site` of its own (`Site.translations`), so every page kind, list,
/// glossary, search index and feed is made per language by the same stages; only what is
/// shared (theme assets, static files, `robots.txt`, `sitemap.xml`) is written once, here.
enum Translated {
    /// - Parameter sink: the default language's; each language's files go below its code.
    static func renderAll(_ original: LinkedSite, into output: inout RenderedSite, sink: any RenderSink, compiledTheme: Bool) throws(Diagnostics) {
        let site = original.site
        var problems = Diagnostics()
        for translation in site.translations {
            let code = translation.settings.languageCode ?? ""
            do {
                let linked = try Linker.link(translation, original: site)
                try principleCounts(linked, original: original).throwIfErrors()
                let rendered = try Renderer.render(linked, into: sink.below(code), compiledTheme: compiledTheme)
                merge(rendered, under: code, into: &output)
            } catch {
                problems.append(contentsOf: error.items)
            }
        }
        try problems.throwIfErrors()
        try Diagnostics(output.collisions).throwIfErrors()
        var versions = site.pageVersions
        for translation in site.translations {
            let prefix = (translation.settings.languageCode ?? "") + "/"
            for (path, list) in translation.pageVersions { versions[SitePath(prefix + path.value)] = list }
        }
        var shared = RenderOutput(site: output, sink: sink)
        SitemapWriter.write(site, versions: versions, into: &shared)
        output = shared.site
    }

    /// A translated principle document has as many principles as its original, so that
    /// `#principle-3` names the same principle in every language.
    static func principleCounts(_ linked: LinkedSite, original: LinkedSite) -> Diagnostics {
        let originals = Dictionary(original.site.principleDocuments.map { ($0.item.translationKey, $0.item.id) }, uniquingKeysWith: { a, _ in a })
        var problems = Diagnostics()
        for document in linked.site.principleDocuments {
            guard let originalID = originals[document.item.translationKey] else { continue }
            let count = principles(in: linked, id: document.item.id), expected = principles(in: original, id: originalID)
            if count != expected {
                problems.append(.error("this translation has \(count) principles (`##` sections) but its original has \(expected): "
                                       + "each principle keeps its number in every language", at: document.item.location,
                                       code: "translation-principles"))
            }
        }
        return problems
    }

    private static func principles(in linked: LinkedSite, id: String) -> Int {
        (linked.documents[.item(id)]?.headings ?? []).filter { $0.principleNumber != nil }.count
    }

    /// A language's files, already written under `/<code>/`, claimed there (its render
    /// writes none of the shared files).
    static func merge(_ rendered: RenderedSite, under code: String, into output: inout RenderedSite) {
        let prefix = code + "/"
        for (path, owner) in rendered.owners.sorted(by: { $0.key < $1.key }) { output.claim(prefix + path, owner: owner) }
        output.sitemap += rendered.sitemap.map { (SitePath(prefix + $0.path.value), $0.lastModified) }
        output.warnings += rendered.warnings
    }
}
