/// The built-in `partial-*.mustache` templates, compiled.
enum PartialTemplates {
    static let breadcrumbsUses: Set<String> = ["partial-breadcrumbs"]

    /// `partial-breadcrumbs`
    static func breadcrumbs(_ p: inout CompiledPage) {
        p.section(p.value("has_breadcrumbs")) { p in
            p.raw("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n<ol>\n")
            p.section(p.value("breadcrumbs")) { p in link(&p) }
            p.raw("<li><a href=\"")
            p.text(p.value("page", "href"))
            p.raw("\" aria-current=\"page\">")
            p.text(p.value("page", "title"))
            p.raw("</a></li>\n</ol>\n</nav>\n")
        }
    }

    /// `partial-dates`
    static func dates(_ p: inout CompiledPage) {
        p.raw("<dl class=\"dates\">\n")
        p.section(p.value("published")) { p in date(&p, label: "Published") }
        p.section(p.value("updated")) { p in updated(&p) }
        p.raw("</dl>\n")
    }

    /// `<div><dt>Last updated</dt>…` with its "See all updates" link (also in principle documents).
    static func updated(_ p: inout CompiledPage) {
        p.raw("<div><dt>Last updated</dt><dd><time datetime=\"")
        p.text(p.value("iso"))
        p.raw("\">")
        p.text(p.value("text"))
        p.raw("</time>")
        p.section(p.value("has_history")) { p in
            p.raw(" — <a href=\"#")
            p.text(p.value("history_id"))
            p.raw("\">See all updates</a>")
        }
        p.raw("</dd></div>\n")
    }

    /// `partial-history`
    static func history(_ p: inout CompiledPage) {
        p.section(p.value("has_history")) { p in
            p.raw("<section class=\"history\" id=\"")
            p.text(p.value("history_id"))
            p.raw("\" aria-labelledby=\"")
            p.text(p.value("history_id"))
            p.raw("-heading\">\n<")
            p.text(p.value("history_heading"))
            p.raw(" id=\"")
            p.text(p.value("history_id"))
            p.raw("-heading\">Updates to this page</")
            p.text(p.value("history_heading"))
            p.raw(">\n<details class=\"history__details\"")
            p.section(p.value("history_open")) { p in p.raw(" open") }
            p.raw(">\n<summary>Show all updates</summary>\n<ol class=\"history__list\">\n")
            p.section(p.value("history")) { p in historyEntry(&p) }
            p.section(p.value("first_published")) { p in
                p.raw("<li>")
                p.section(p.value("iso")) { p in
                    p.raw("<time datetime=\"")
                    p.text(p.value("iso"))
                    p.raw("\">")
                    p.text(p.value("text"))
                    p.raw("</time><br>")
                }
                p.raw("First published.</li>\n")
            }
            p.raw("</ol>\n</details>\n</section>\n")
        }
    }

    private static func historyEntry(_ p: inout CompiledPage) {
        p.raw("<li><time datetime=\"")
        p.text(p.value("iso"))
        p.raw("\">")
        p.text(p.value("text"))
        p.raw("</time>")
        p.section(p.value("change_version")) { p in
            p.raw(" <span class=\"history__version\">(version ")
            p.text(p.value("change_version"))
            p.raw(")</span>")
        }
        p.raw("<br>")
        p.text(p.value("note"))
        p.raw("</li>\n")
    }

    private static func date(_ p: inout CompiledPage, label: StaticString) {
        p.raw("<div><dt>")
        p.raw(label)
        p.raw("</dt><dd><time datetime=\"")
        p.text(p.value("iso"))
        p.raw("\">")
        p.text(p.value("text"))
        p.raw("</time></dd></div>\n")
    }

    /// `partial-contents`
    static func contents(_ p: inout CompiledPage) {
        p.section(p.value("has_contents")) { p in
            p.raw("<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\" class=\"contents__title\">Contents</h2>\n<ol>\n")
            p.section(p.value("contents")) { p in
                p.raw("<li><a href=\"#")
                p.text(p.value("id"))
                p.raw("\">")
                p.text(p.value("text"))
                p.raw("</a></li>\n")
            }
            p.raw("</ol>\n</nav>\n")
        }
    }

    /// `partial-backlinks`
    static func backlinks(_ p: inout CompiledPage) {
        p.section(p.value("has_backlinks")) { p in
            p.raw("<section class=\"backlinks\" aria-labelledby=\"backlinks-heading\">\n<h2 id=\"backlinks-heading\">Pages that link here</h2>\n<ul>\n")
            p.section(p.value("backlinks")) { p in
                p.raw("<li><a href=\"")
                p.text(p.value("href"))
                p.raw("\">")
                p.text(p.value("title"))
                p.raw("</a> <span class=\"meta\">(")
                p.text(p.value("kind"))
                p.raw(")</span></li>\n")
            }
            p.raw("</ul>\n</section>\n")
        }
    }

    /// `partial-article-summary`
    static func articleSummary(_ p: inout CompiledPage) {
        p.raw("<li class=\"card\">\n")
        cardTitle(&p)
        p.raw("<p class=\"meta\"><time datetime=\"")
        p.text(p.value("date", "iso"))
        p.raw("\">")
        p.text(p.value("date", "text"))
        p.raw("</time></p>\n")
        cardSummary(&p)
    }

    /// A card's heading line, shared by the article and vacancy summaries:
    /// `<{{card_heading}} class="card__title"><a href="{{href}}">{{title}}</a></{{card_heading}}>`.
    static func cardTitle(_ p: inout CompiledPage) {
        p.raw("<")
        p.text(p.value("card_heading"))
        p.raw(" class=\"card__title\"><a href=\"")
        p.text(p.value("href"))
        p.raw("\">")
        p.text(p.value("title"))
        p.raw("</a></")
        p.text(p.value("card_heading"))
        p.raw(">\n")
    }

    /// A card's end: `{{#summary}}<p>{{summary}}</p>{{/summary}}</li>`.
    static func cardSummary(_ p: inout CompiledPage) {
        p.section(p.value("summary")) { p in
            p.raw("<p>")
            p.text(p.value("summary"))
            p.raw("</p>\n")
        }
        p.raw("</li>\n")
    }

    /// `partial-pagination`
    static func pagination(_ p: inout CompiledPage) {
        p.section(p.value("pagination", "has_pages")) { p in
            p.raw("<nav class=\"pagination\" aria-label=\"Pages of articles\">\n<ul>\n")
            p.section(p.value("pagination", "previous")) { p in
                p.raw("<li><a href=\"")
                p.text(p.current)
                p.raw("\" rel=\"prev\">Previous page</a></li>\n")
            }
            p.section(p.value("pagination", "pages")) { p in
                p.section(p.value("gap")) { p in p.raw("<li class=\"pagination__gap\">…</li>") }
                p.raw("\n<li>")
                p.section(p.value("current")) { p in
                    p.raw("<a href=\"")
                    p.text(p.value("href"))
                    p.raw("\" aria-current=\"page\">Page ")
                    p.text(p.value("number"))
                    p.raw("</a>")
                }
                p.inverted(p.value("current")) { p in
                    p.raw("<a href=\"")
                    p.text(p.value("href"))
                    p.raw("\">Page ")
                    p.text(p.value("number"))
                    p.raw("</a>")
                }
                p.raw("</li>\n")
            }
            p.section(p.value("pagination", "next")) { p in
                p.raw("<li><a href=\"")
                p.text(p.current)
                p.raw("\" rel=\"next\">Next page</a></li>\n")
            }
            p.raw("</ul>\n</nav>\n")
        }
    }

    /// A `{{#list}}<li><a href="{{href}}">{{title}}</a></li>{{/list}}` entry.
    static func link(_ p: inout CompiledPage) {
        p.raw("<li><a href=\"")
        p.text(p.value("href"))
        p.raw("\">")
        p.text(p.value("title"))
        p.raw("</a></li>\n")
    }
}
