/// `chapter.mustache` and `principle-document.mustache`, compiled.
enum GuideTemplates {
    static let chapterUses: Set<String> = LayoutTemplate.uses.union(["chapter", "partial-contents", "partial-backlinks", "partial-dates",
                                                                         "partial-history"])
    static let principlesUses: Set<String> = LayoutTemplate.uses.union(["principle-document", "partial-contents", "partial-backlinks",
                                                                            "partial-history"])

    static func chapter(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<div class=\"with-sidebar\">\n<article class=\"chapter\">\n<p class=\"meta\">Member guide, chapter ")
            p.text(p.value("number"))
            p.raw(" of ")
            p.text(p.value("chapter_count"))
            p.raw("</p>\n<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            ArticleTemplates.lede(&p)
            p.section(p.value("has_dates")) { p in PartialTemplates.dates(&p) }
            PartialTemplates.contents(&p)
            prose(&p)
            PartialTemplates.history(&p)
            p.section(p.value("has_terms")) { p in
                p.raw("<section class=\"defined-terms\" aria-labelledby=\"terms-heading\">\n<h2 id=\"terms-heading\">Terms explained in this chapter</h2>\n<ul>\n")
                p.section(p.value("terms")) { p in
                    p.raw("<li><a href=\"")
                    p.text(p.value("href"))
                    p.raw("\">")
                    p.text(p.value("term"))
                    p.raw("</a></li>\n")
                }
                p.raw("</ul>\n</section>\n")
            }
            pager(&p)
            PartialTemplates.backlinks(&p)
            p.raw("</article>\n")
            guideNav(&p)
        }
    }

    private static func pager(_ p: inout CompiledPage) {
        p.raw("<nav class=\"pager\" aria-label=\"Previous and next chapters\">\n")
        p.section(p.value("previous")) { p in
            p.raw("<a class=\"pager__prev\" href=\"")
            p.text(p.value("href"))
            p.raw("\" rel=\"prev\"><span class=\"pager__label\">Previous chapter</span> ")
            p.text(p.value("title"))
            p.raw("</a>\n")
        }
        p.section(p.value("next")) { p in
            p.raw("<a class=\"pager__next\" href=\"")
            p.text(p.value("href"))
            p.raw("\" rel=\"next\"><span class=\"pager__label\">Next chapter</span> ")
            p.text(p.value("title"))
            p.raw("</a>\n")
        }
        p.raw("</nav>\n")
    }

    private static func guideNav(_ p: inout CompiledPage) {
        p.raw("<nav class=\"guide-nav\" aria-labelledby=\"guide-nav-heading\">\n<h2 id=\"guide-nav-heading\">Member guide</h2>\n<ol>\n")
        p.section(p.value("chapters")) { p in
            p.raw("<li><a href=\"")
            p.text(p.value("href"))
            p.raw("\"")
            p.section(p.value("current")) { p in p.raw(" aria-current=\"page\"") }
            p.raw(">")
            p.text(p.value("title"))
            p.raw("</a></li>\n")
        }
        p.raw("</ol>\n<p><a href=\"")
        p.text(p.value("site", "glossary_href"))
        p.raw("\">Glossary</a></p>\n</nav>\n</div>\n")
    }

    static func principleDocument(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<article class=\"principles\">\n<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            ArticleTemplates.lede(&p)
            p.raw("<dl class=\"dates\">\n")
            p.section(p.value("version")) { p in
                p.raw("<div><dt>Version</dt><dd>")
                p.text(p.value("version"))
                p.raw("</dd></div>\n")
            }
            p.section(p.value("adopted")) { p in
                p.raw("<div><dt>Adopted</dt><dd><time datetime=\"")
                p.text(p.value("iso"))
                p.raw("\">")
                p.text(p.value("text"))
                p.raw("</time></dd></div>\n")
            }
            p.section(p.value("updated")) { p in PartialTemplates.updated(&p) }
            p.raw("</dl>\n")
            PartialTemplates.contents(&p)
            prose(&p)
            PartialTemplates.history(&p)
            p.raw("</article>\n")
            PartialTemplates.backlinks(&p)
        }
    }

    /// `<div class="prose">{{{body}}}</div>`
    static func prose(_ p: inout CompiledPage) {
        p.raw("<div class=\"prose\">\n")
        p.unescaped(p.value("body"))
        p.raw("\n</div>\n")
    }
}
