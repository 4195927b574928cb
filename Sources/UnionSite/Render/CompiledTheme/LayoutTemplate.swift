/// `layout.mustache`, compiled: the page shell every built-in page template extends,
/// with the page's own `{{$main}}` block passed in as `main`.
enum LayoutTemplate {
    static let uses: Set<String> = Set(["layout"]).union(PartialTemplates.breadcrumbsUses)

    static func render(_ p: inout CompiledPage, main: (inout CompiledPage) -> Void) {
        head(&p)
        header(&p)
        p.raw("<div class=\"wrap\">\n")
        PartialTemplates.breadcrumbs(&p)
        p.raw("<main id=\"main\" tabindex=\"-1\">\n")
        p.section(p.value("page", "versions")) { p in languageSwitcher(&p) }
        p.section(p.value("page", "review_due")) { p in
            p.raw("<div class=\"notice notice--warning\" role=\"note\">\n<p><strong>This guidance is due for review and may be out of date.</strong> It was due for review on <time datetime=\"")
            p.text(p.value("page", "review_by", "iso"))
            p.raw("\">")
            p.text(p.value("page", "review_by", "text"))
            p.raw("</time>.</p>\n</div>\n")
        }
        main(&p)
        p.raw("\n</main>\n</div>\n")
        footer(&p)
    }

    private static func head(_ p: inout CompiledPage) {
        p.raw("<!DOCTYPE html>\n<html lang=\"")
        p.text(p.value("site", "language"))
        p.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
        p.text(p.value("page", "head_title"))
        p.raw("</title>\n")
        p.section(p.value("page", "description")) { p in
            p.raw("<meta name=\"description\" content=\"")
            p.text(p.value("page", "description"))
            p.raw("\">\n")
        }
        p.raw("<link rel=\"canonical\" href=\"")
        p.text(p.value("page", "canonical"))
        p.raw("\">\n")
        p.section(p.value("page", "versions")) { p in
            p.section(p.value("links")) { p in
                p.raw("<link rel=\"alternate\" hreflang=\"")
                p.text(p.value("language"))
                p.raw("\" href=\"")
                p.text(p.value("url"))
                p.raw("\">\n")
            }
            p.raw("<link rel=\"alternate\" hreflang=\"x-default\" href=\"")
            p.text(p.value("x_default"))
            p.raw("\">\n")
        }
        p.section(p.value("page", "noindex")) { p in p.raw("<meta name=\"robots\" content=\"noindex\">\n") }
        p.raw("<meta property=\"og:type\" content=\"")
        p.text(p.value("page", "og_type"))
        p.raw("\">\n<meta property=\"og:title\" content=\"")
        p.text(p.value("page", "title"))
        p.raw("\">\n<meta property=\"og:url\" content=\"")
        p.text(p.value("page", "canonical"))
        p.raw("\">\n<meta property=\"og:site_name\" content=\"")
        p.text(p.value("site", "title"))
        p.raw("\">\n")
        p.section(p.value("page", "description")) { p in
            p.raw("<meta property=\"og:description\" content=\"")
            p.text(p.value("page", "description"))
            p.raw("\">\n")
        }
        p.raw("<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"stylesheet\" href=\"")
        p.text(p.value("site", "css_href"))
        p.raw("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        p.text(p.value("site", "title"))
        p.raw(": articles\" href=\"")
        p.text(p.value("site", "feed_href"))
        p.raw("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        p.text(p.value("site", "title"))
        p.raw(": vacancies\" href=\"")
        p.text(p.value("site", "vacancy_feed_href"))
        p.raw("\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"")
        p.text(p.value("site", "title"))
        p.raw(": updates\" href=\"")
        p.text(p.value("site", "updates_feed_href"))
        p.raw("\">\n")
        p.section(p.value("page", "json_ld")) { p in
            p.raw("<script type=\"application/ld+json\">")
            p.unescaped(p.current)
            p.raw("</script>\n")
        }
        p.raw("</head>\n<body class=\"kind-")
        p.text(p.value("page", "kind"))
        p.raw("\">\n")
    }

    private static func header(_ p: inout CompiledPage) {
        p.raw("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n<header class=\"site-header\">\n<div class=\"wrap site-header__inner\">\n<a class=\"site-title\" href=\"")
        p.text(p.value("site", "home_href"))
        p.raw("\">")
        p.text(p.value("site", "title"))
        p.raw("</a>\n")
        p.section(p.value("site", "has_nav")) { p in
            p.raw("<nav class=\"site-nav\" aria-label=\"Main\">\n<ul>\n")
            p.section(p.value("site", "nav")) { p in
                p.raw("<li><a href=\"")
                p.text(p.value("href"))
                p.raw("\"")
                p.section(p.value("current")) { p in
                    p.raw(" aria-current=\"")
                    p.text(p.value("current"))
                    p.raw("\"")
                }
                p.raw(">")
                p.text(p.value("title"))
                p.raw("</a></li>\n")
            }
            p.raw("</ul>\n</nav>\n")
        }
        p.section(p.value("site", "other_languages")) { p in
            p.raw("<a class=\"language-home\" href=\"")
            p.text(p.value("href"))
            p.raw("\" lang=\"")
            p.text(p.value("language"))
            p.raw("\" hreflang=\"")
            p.text(p.value("language"))
            p.raw("\">")
            p.text(p.value("name"))
            p.raw("</a>\n")
        }
        p.raw("</div>\n</header>\n")
    }

    private static func footer(_ p: inout CompiledPage) {
        p.raw("<footer class=\"site-footer\">\n<div class=\"wrap\">\n")
        p.section(p.value("site", "organisation", "join_url")) { p in
            p.raw("<section class=\"join-cta\" aria-labelledby=\"join-heading\">\n<h2 id=\"join-heading\">Join ")
            p.text(p.value("site", "organisation", "name"))
            p.raw("</h2>\n<p>If you work in school improvement or educational development, ")
            p.text(p.value("site", "organisation", "name"))
            p.raw(" is your union.</p>\n<p><a class=\"button\" href=\"")
            p.text(p.value("site", "organisation", "join_url"))
            p.raw("\">Join ")
            p.text(p.value("site", "organisation", "name"))
            p.raw(" today</a></p>\n</section>\n")
        }
        p.raw("<nav aria-label=\"Footer\">\n<ul class=\"footer-links\">\n<li><a href=\"")
        p.text(p.value("site", "search_href"))
        p.raw("\">Search</a></li>\n<li><a href=\"")
        p.text(p.value("site", "glossary_href"))
        p.raw("\">Glossary</a></li>\n<li><a href=\"")
        p.text(p.value("site", "feed_href"))
        p.raw("\">Articles feed (Atom)</a></li>\n<li><a href=\"")
        p.text(p.value("site", "vacancy_feed_href"))
        p.raw("\">Vacancies feed (Atom)</a></li>\n<li><a href=\"")
        p.text(p.value("site", "updates_href"))
        p.raw("\">What has changed</a> (<a href=\"")
        p.text(p.value("site", "updates_feed_href"))
        p.raw("\">updates feed, Atom</a>)</li>\n")
        p.section(p.value("site", "organisation", "url")) { p in
            p.raw("<li><a href=\"")
            p.text(p.value("site", "organisation", "url"))
            p.raw("\">")
            p.text(p.value("site", "organisation", "name"))
            p.raw("</a></li>\n")
        }
        p.raw("</ul>\n</nav>\n<p class=\"small\">")
        p.text(p.value("site", "title"))
        p.section(p.value("site", "organisation")) { p in
            p.raw(" is published by ")
            p.text(p.value("site", "organisation", "name"))
        }
        p.raw(".</p>\n</div>\n</footer>\n</body>\n</html>\n")
    }

    /// `<nav class="language-switcher">`: the page in each language it exists in.
    private static func languageSwitcher(_ p: inout CompiledPage) {
        p.raw("<nav class=\"language-switcher\" aria-label=\"Language\">\n<ul>\n")
        p.section(p.value("links")) { p in
            p.raw("<li><a href=\"")
            p.text(p.value("href"))
            p.raw("\" lang=\"")
            p.text(p.value("language"))
            p.raw("\" hreflang=\"")
            p.text(p.value("language"))
            p.raw("\"")
            p.section(p.value("is_current")) { p in p.raw(" aria-current=\"page\"") }
            p.raw(">")
            p.text(p.value("name"))
            p.raw("</a></li>\n")
        }
        p.raw("</ul>\n</nav>\n")
    }
}
