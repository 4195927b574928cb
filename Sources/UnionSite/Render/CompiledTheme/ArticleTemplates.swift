/// `article.mustache` and `article-list.mustache` (also the tag pages), compiled.
enum ArticleTemplates {
    static let articleUses: Set<String> = LayoutTemplate.uses.union(["article", "partial-dates", "partial-contents", "partial-backlinks",
                                                                         "partial-history"])
    static let listUses: Set<String> = LayoutTemplate.uses.union(["article-list", "partial-article-summary", "partial-pagination"])

    static func article(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<article>\n<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            lede(&p)
            PartialTemplates.dates(&p)
            p.section(p.value("author")) { p in
                p.raw("<p class=\"meta\">By ")
                p.text(p.value("author"))
                p.raw("</p>\n")
            }
            PartialTemplates.contents(&p)
            p.raw("<div class=\"prose\">\n")
            p.unescaped(p.value("body"))
            p.raw("\n</div>\n")
            PartialTemplates.history(&p)
            p.section(p.value("has_tags")) { p in
                p.raw("<p class=\"tags\"><span class=\"tags__label\">Tags:</span>\n")
                p.section(p.value("tags")) { p in
                    p.raw("<a class=\"tag\" href=\"")
                    p.text(p.value("href"))
                    p.raw("\">")
                    p.text(p.value("name"))
                    p.raw("</a>\n")
                }
                p.raw("</p>\n")
            }
            p.raw("</article>\n")
            p.section(p.value("has_related")) { p in
                p.raw("<section class=\"related\" aria-labelledby=\"related-heading\">\n<h2 id=\"related-heading\">Related articles</h2>\n<ul>\n")
                p.section(p.value("related")) { p in PartialTemplates.link(&p) }
                p.raw("</ul>\n</section>\n")
            }
            PartialTemplates.backlinks(&p)
        }
    }

    static func list(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            lede(&p)
            p.raw("<ul class=\"cards\">\n")
            p.section(p.value("articles")) { p in PartialTemplates.articleSummary(&p) }
            p.raw("</ul>\n")
            p.inverted(p.value("articles")) { p in p.raw("<p>There are no articles yet.</p>\n") }
            PartialTemplates.pagination(&p)
            p.raw("<p><a href=\"")
            p.text(p.value("site", "tags_href"))
            p.raw("\">Browse articles by tag</a></p>\n")
        }
    }

    /// `{{#page.summary}}<p class="lede">…</p>{{/page.summary}}`
    static func lede(_ p: inout CompiledPage) {
        p.section(p.value("page", "summary")) { p in
            p.raw("<p class=\"lede\">")
            p.text(p.value("page", "summary"))
            p.raw("</p>\n")
        }
    }
}
