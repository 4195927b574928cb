/// `vacancy.mustache`, compiled.
enum VacancyTemplate {
    static let uses: Set<String> = LayoutTemplate.uses.union(["vacancy", "partial-backlinks"])

    static func render(_ p: inout CompiledPage) {
        LayoutTemplate.render(&p) { p in
            p.raw("<article class=\"vacancy\">\n<p class=\"meta\">Vacancy</p>\n<h1>")
            p.text(p.value("page", "title"))
            p.raw("</h1>\n")
            p.inverted(p.value("vacancy", "open")) { p in
                p.raw("<div class=\"notice notice--closed\" role=\"note\">\n<p><strong>This vacancy closed on <time datetime=\"")
                p.text(p.value("vacancy", "closes", "iso"))
                p.raw("\">")
                p.text(p.value("vacancy", "closes", "text"))
                p.raw("</time>.</strong> It is kept here so that links to it still work. <a href=\"")
                p.text(p.value("site", "vacancies_href"))
                p.raw("\">See the open vacancies</a>.</p>\n</div>\n")
            }
            p.section(p.value("vacancy", "summary")) { p in
                p.raw("<p class=\"lede\">")
                p.text(p.value("vacancy", "summary"))
                p.raw("</p>\n")
            }
            facts(&p)
            p.section(p.value("body")) { p in
                p.raw("<div class=\"prose\">\n")
                p.unescaped(p.value("body"))
                p.raw("\n</div>\n")
            }
            p.section(p.value("vacancy", "open")) { p in
                p.raw("<p><a class=\"button\" href=\"")
                p.text(p.value("vacancy", "apply_url"))
                p.raw("\">Apply for ")
                p.text(p.value("vacancy", "title"))
                p.raw("<span class=\"visually-hidden\"> on the employer’s website</span></a></p>\n")
            }
            p.section(p.value("vacancy", "has_tags")) { p in
                p.raw("<p class=\"tags\"><span class=\"tags__label\">Tags:</span>\n")
                p.section(p.value("vacancy", "tags")) { p in
                    p.raw("<span class=\"tag\">")
                    p.text(p.current)
                    p.raw("</span>\n")
                }
                p.raw("</p>\n")
            }
            p.raw("</article>\n")
            PartialTemplates.backlinks(&p)
        }
    }

    private static func facts(_ p: inout CompiledPage) {
        p.raw("<dl class=\"facts\">\n")
        fact(&p, "Employer", "employer", optional: false)
        fact(&p, "Location", "place", optional: false)
        fact(&p, "Region", "region")
        fact(&p, "Contract", "contract")
        fact(&p, "Duration", "duration")
        fact(&p, "Hours", "hours")
        fact(&p, "Salary", "salary")
        p.section(p.value("vacancy", "posted")) { p in
            p.raw("<div><dt>Posted</dt><dd><time datetime=\"")
            p.text(p.value("iso"))
            p.raw("\">")
            p.text(p.value("text"))
            p.raw("</time></dd></div>\n")
        }
        p.raw("<div><dt>Closing date</dt><dd><time datetime=\"")
        p.text(p.value("vacancy", "closes", "iso"))
        p.raw("\">")
        p.text(p.value("vacancy", "closes", "text"))
        p.raw("</time>")
        p.section(p.value("vacancy", "closing_soon")) { p in p.raw(" <strong class=\"tag tag--soon\">Closing soon</strong>") }
        p.raw("</dd></div>\n</dl>\n")
    }

    /// `<div><dt>Label</dt><dd>{{vacancy.key}}</dd></div>`, inside `{{#vacancy.key}}` unless always shown.
    private static func fact(_ p: inout CompiledPage, _ label: StaticString, _ key: String, optional: Bool = true) {
        let row = { (p: inout CompiledPage) in
            p.raw("<div><dt>")
            p.raw(label)
            p.raw("</dt><dd>")
            p.text(p.value("vacancy", key))
            p.raw("</dd></div>\n")
        }
        if optional { p.section(p.value("vacancy", key), row) } else { row(&p) }
    }
}
