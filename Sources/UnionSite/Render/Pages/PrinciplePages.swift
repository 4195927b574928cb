extension PageFactory {
    /// Each principle document, with "Cited in" after each principle, and `/principles/`
    /// listing every principle of every document.
    func principles(into output: inout RenderOutput) {
        output.add(site.principleDocuments, minimum: 2, principleDocumentPage)
        let path = Routes.site.principles
        let documents: [TemplateValue] = site.principleDocuments.map { document in
            var entry: TemplateRecord = ["title": .text(document.item.title), "href": .text(context.href(document.item.url)), "slug": .text(document.item.slug)]
            if let summary = document.item.summary { entry["summary"] = .text(summary) }
            entry["principles"] = .list(principleHeadings(document).map { heading in
                ["number": .number(heading.principleNumber ?? 0), "title": .text(heading.text),
                 "href": .text(context.href(document.item.url) + "#" + heading.id)] as TemplateValue
            })
            return .record(entry)
        }
        emit("principles", path: path, page: context.page(title: t["principles"], path: path, kind: "principles"),
             values: ["documents": .list(documents)], breadcrumbs: [(t["home"], .home)], owner: "the principles index", into: &output)
    }

    func principleDocumentPage(_ document: PrincipleDocument) -> RenderedPage {
        let item = document.item
        let citations = principleCitations(item.key)
        var values: TemplateRecord = [
            "body": .text(bodies.html(key: item.key, source: item.body, citations: citations)),
            "contents": .list(principleHeadings(document).map { ["id": .text($0.id), "text": "\($0.principleNumber ?? 0). \($0.text)"] as TemplateValue }),
            "backlinks": backlinks(item.key),
        ]
        if let version = document.version { values["version"] = .text(version) }
        if let adopted = document.adopted { values["adopted"] = date(adopted) }
        values.merge(historyValues(item, published: document.adopted)) { _, new in new }
        return render(item.kind.descriptor.template, path: item.url, page: itemPage(item), values: values,
                      breadcrumbs: [(t["home"], .home), (t["principles"], Routes.site.principles)],
                      lastModified: site.lastUpdated(item)?.day.description, owner: item.location.path)
    }

    private func principleHeadings(_ document: PrincipleDocument) -> [DocumentFacts.Heading] {
        (linked.documents[document.item.key]?.headings ?? []).filter { $0.principleNumber != nil }
    }

    /// The markup closing principle N: the pages that link to its heading or anchor.
    private func principleCitations(_ key: PageKey) -> (Int) -> String? {
        let headings = (linked.documents[key]?.headings ?? []).filter { $0.principleNumber != nil }
        let citations = linked.backlinks[key] ?? []
        // Each fragment's citations by their place in `citations`, found in one pass: a pass over
        // every citation for each principle was most of the principle pages' cost, as each
        // document is cited thousands of times in a large site.
        var byFragment: [String: [Int]] = [:]
        for (index, citation) in citations.enumerated() {
            if let fragment = citation.fragment { byFragment[fragment, default: []].append(index) }
        }
        return { number in
            guard number >= 1, number <= headings.count else { return nil }
            let heading = headings[number - 1]
            let anchors: Set<String> = [heading.id, DocumentFacts.principleAnchor(number)]
            let sources = anchors.flatMap { byFragment[$0] ?? [] }.sorted().map { citations[$0].source }
            let links = self.refs.links(sources)
            guard !links.isEmpty else { return nil }
            let items = links.map { "<a href=\"\(HTML.attribute($0["href"]?.text ?? ""))\">\(HTML.escape($0["title"]?.text ?? ""))</a>" }
            return "<p class=\"cited-in\"><strong>Principle \(number) is cited in:</strong> \(items.joined(separator: ", "))</p>\n"
        }
    }
}
