extension PageFactory {
    /// The guide's front page, every chapter (with previous/next and the chapter list),
    /// the glossary, and the whole guide on one page for printing.
    func guide(into output: inout RenderOutput) {
        output.add(guideIndexPage())
        output.add(Array(site.chapters.indices), chapterPage)
        glossaryPage(into: &output)
        output.add(printPage())
    }

    func guideIndexPage() -> RenderedPage {
        let path = Routes.site.guide
        var values: TemplateRecord = ["chapters": .list(site.chapters.map { chapterLink($0) }), "print_href": .text(context.href(Routes.site.guidePrint))]
        let page: TemplateRecord
        if let index = site.guideIndex {
            page = itemPage(index.item, kind: "guide-index")
            values["body"] = .text(bodies.html(key: index.item.key, source: index.item.body))
            values["backlinks"] = backlinks(index.item.key)
            values.merge(historyValues(index.item, published: nil)) { _, new in new }
        } else {
            page = context.page(title: t["member_guide"], path: path, kind: "guide-index")
        }
        return render("guide-index", path: path, page: page, values: values, breadcrumbs: [(t["home"], .home)],
                      owner: site.guideIndex?.item.location.path ?? "the guide index")
    }

    func chapterPage(_ index: Int) -> RenderedPage {
        let chapter = site.chapters[index]
        let item = chapter.item
        let glossaryPath = Routes.site.glossary
        var values: TemplateRecord = [
            "body": .text(bodies.html(key: item.key, source: item.body)),
            "contents": contents(item.key), "backlinks": backlinks(item.key),
            "number": .number(index + 1), "chapter_count": .number(site.chapters.count),
            "chapter_of": .text(t.format("chapter_of", ["number": String(index + 1), "count": String(site.chapters.count)])),
            "chapters": .list(site.chapters.map { chapterLink($0, current: item.url) }),
            "terms": .list(chapter.terms.map { ["term": .text($0.term), "href": .text(context.href(glossaryPath) + "#" + $0.anchor)] as TemplateValue }),
        ]
        if index > 0 { values["previous"] = chapterLink(site.chapters[index - 1]) }
        if index + 1 < site.chapters.count { values["next"] = chapterLink(site.chapters[index + 1]) }
        values.merge(historyValues(item, published: nil)) { _, new in new }
        return render(item.kind.descriptor.template, path: item.url, page: itemPage(item), values: values,
                      breadcrumbs: [(t["home"], .home), (t["member_guide"], Routes.site.guide)],
                      lastModified: site.lastUpdated(item)?.day.description, owner: item.location.path)
    }

    /// Pages listed under each glossary entry: a common term on a big site is used by
    /// thousands, which would make the glossary page enormous; the rest are counted.
    static let usedInLimit = 25

    private func glossaryPage(into output: inout RenderOutput) {
        let path = Routes.site.glossary
        let chapters = Dictionary(uniqueKeysWithValues: (site.chapters + (site.guideIndex.map { [$0] } ?? [])).map { ($0.item.id, $0.item) })
        var letters: [(String, [TemplateValue])] = []
        for (entryID, term) in zip(site.glossary.entryIDs, site.glossary) {
            let letter = Glossary.initial(term.term)
            var entry: TemplateRecord = ["term": .text(term.term), "anchor": .text(term.anchor)]
            if let definition = term.definition { entry["definition"] = .text(definition) }
            if !term.aliases.isEmpty { entry["aliases"] = .text(term.aliases.joined(separator: ", ")) }
            if let chapter = chapters[term.chapterID] { entry["chapter"] = ["title": .text(chapter.title), "href": .text(context.href(chapter.url))] }
            let users = linked.glossaryUses[entryID] ?? []
            var used = refs.links(Array(users.prefix(Self.usedInLimit)))
            if case .record(var last)? = used.last {
                last["last"] = true
                used[used.count - 1] = .record(last)
            }
            entry["used_in"] = .list(used)
            entry["has_used_in"] = .flag(!used.isEmpty)
            if users.count > Self.usedInLimit {
                entry["used_in_more"] = .number(users.count - Self.usedInLimit)
                entry["more_pages"] = .text(t.plural("more_pages", users.count - Self.usedInLimit))
            }
            if letters.last?.0 == letter { letters[letters.count - 1].1.append(.record(entry)) } else { letters.append((letter, [.record(entry)])) }
        }
        let values: TemplateRecord = ["letters": .list(letters.map { ["letter": .text($0.0), "id": .text(HeadingID.base(for: $0.0)), "terms": .list($0.1)] })]
        emit("glossary", path: path, page: context.page(title: t["glossary"], path: path, kind: "glossary"), values: values,
             breadcrumbs: [(t["home"], .home), (t["member_guide"], Routes.site.guide)], owner: "the glossary", into: &output)
    }

    func printPage() -> RenderedPage {
        let path = Routes.site.guidePrint
        let anchors = Dictionary(uniqueKeysWithValues: site.chapters.map { (context.href($0.item.url), "chapter-" + $0.item.slug) })
        let chapters: [TemplateRecord] = site.chapters.enumerated().map { index, chapter in
            let placement = BodyRenderer.Placement(headingOffset: 1, idPrefix: chapter.item.slug + "--", mapHref: { href in
                Self.inPageHref(href, anchors: anchors)
            }, mapID: "print:" + anchors.keys.sorted().map { $0 + "=" + anchors[$0]! }.joined(separator: ","))
            let values: TemplateRecord = ["title": .text(chapter.item.title), "number": .number(index + 1), "anchor": .text("chapter-" + chapter.item.slug),
                                          "body": .text(bodies.html(key: chapter.item.key, source: chapter.item.body, placement: placement))]
            return values.merging(historyValues(chapter.item, published: nil, idPrefix: chapter.item.slug + "--", headingLevel: 3,
                                                open: true)) { old, _ in old }
        }
        let contents = chapters.map { ["id": $0["anchor"]!, "text": $0["title"]!] as TemplateValue }
        return render("guide-print", path: path, page: context.page(title: t["guide_print"], path: path, kind: "guide-print"),
                      values: ["chapters": .list(chapters), "contents": .list(contents)],
                      breadcrumbs: [(t["home"], .home), (t["member_guide"], Routes.site.guide)], owner: "the guide print page")
    }

    /// A link to a chapter becomes `#chapter-slug`; to a heading in it, `#slug--heading`.
    static func inPageHref(_ href: String, anchors: [String: String]) -> String {
        let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
        guard let anchor = anchors[parts[0]] else { return href }
        guard parts.count == 2 else { return "#" + anchor }
        return "#" + anchor.dropFirst("chapter-".count) + "--" + parts[1]
    }
}
