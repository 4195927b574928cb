/// `vacancy-list.mustache` (open vacancies, their filters, the archive), compiled.
enum VacancyListTemplate {
    static let uses: Set<String> = LayoutTemplate.uses.union(["vacancy-list", "partial-vacancy-summary"])

    static func render(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            ArticleTemplates.lede(&p)
            p.section(p.value("show_filters")) { p in filters(&p) }
            p.raw("<ul class=\"cards\">\n")
            p.section(p.value("vacancies")) { p in summary(&p) }
            p.raw("</ul>\n")
            p.inverted(p.value("vacancies")) { p in
                p.raw("<p>")
                p.text(p.value("empty_message"))
                p.raw("</p>\n")
            }
            p.raw("<p>")
            p.section(p.value("archive_href")) { p in
                p.raw("<a href=\"")
                p.text(p.value("archive_href"))
                p.raw("\">Closed vacancies</a>")
            }
            p.section(p.value("open_href")) { p in
                p.raw("<a href=\"")
                p.text(p.value("open_href"))
                p.raw("\">Open vacancies</a>")
            }
            p.raw("</p>\n")
        }
    }

    private static func filters(_ p: inout CompiledPage) {
        p.raw("<nav class=\"filters\" aria-labelledby=\"filters-heading\">\n<h2 id=\"filters-heading\">Filter vacancies</h2>\n")
        p.section(p.value("facets")) { p in
            p.raw("<div class=\"filters__group\">\n<h3 class=\"filters__title\">")
            p.text(p.value("name"))
            p.raw("</h3>\n<ul>\n")
            p.section(p.value("values")) { p in
                p.raw("<li><a href=\"")
                p.text(p.value("href"))
                p.raw("\"")
                p.section(p.value("current")) { p in p.raw(" aria-current=\"page\"") }
                p.raw(">")
                p.text(p.value("label"))
                p.raw(" <span class=\"count\">(")
                p.text(p.value("count"))
                p.raw(")</span></a></li>\n")
            }
            p.raw("</ul>\n</div>\n")
        }
        p.raw("<p><a href=\"")
        p.text(p.value("site", "vacancies_href"))
        p.raw("\">Show all open vacancies</a></p>\n</nav>\n")
    }

    /// `partial-vacancy-summary`
    private static func summary(_ p: inout CompiledPage) {
        p.raw("<li class=\"card vacancy-card\">\n")
        PartialTemplates.cardTitle(&p)
        p.raw("<p class=\"meta\">")
        p.text(p.value("employer"))
        p.raw(", ")
        p.text(p.value("place"))
        p.raw("</p>\n<p class=\"meta\">Closes <time datetime=\"")
        p.text(p.value("closes", "iso"))
        p.raw("\">")
        p.text(p.value("closes", "text"))
        p.raw("</time>")
        p.section(p.value("closing_soon")) { p in p.raw(" <strong class=\"tag tag--soon\">Closing soon</strong>") }
        p.raw("</p>\n")
        PartialTemplates.cardSummary(&p)
    }
}
