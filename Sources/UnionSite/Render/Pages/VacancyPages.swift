extension PageFactory {
    /// Each vacancy's page; `/vacancies/` (open) with a page per region, contract and hours
    /// (filters that need no JavaScript); `/vacancies/archive/` (closed, newest closing first).
    func vacancies(into output: inout RenderOutput) {
        output.add(site.vacancies, vacancyPage)
        let open = site.openVacancies
        let facets = VacancyFacets(open, strings: t)
        var lists = [ListPage(path: Routes.site.vacancies, title: t["vacancies"], vacancies: open,
                              summary: t["vacancies_summary"])]
        for facet in facets.all {
            for value in facet.values {
                lists.append(ListPage(path: value.path, title: t["vacancies"] + ": " + value.label, vacancies: open.filter(value.matches),
                                      summary: t.format("vacancy_filter_summary", ["facet": facet.name.lowercased(), "value": value.label])))
            }
        }
        output.add(lists, minimum: 2) { listPage($0, facets: facets) }
        let archive = Routes.site.vacancyArchive
        var page = context.page(title: t["closed_vacancies"], path: archive, kind: "vacancy-archive",
                                extra: ["summary": .text(t["closed_vacancies_summary"])])
        page["noindex"] = true
        emit("vacancy-list", path: archive, page: page,
             values: ["vacancies": .list(site.closedVacancies.map(vacancySummary)), "open_href": .text(context.href(Routes.site.vacancies)),
                      "empty_message": .text(t["no_closed_vacancies"])],
             breadcrumbs: [(t["home"], .home), (t["vacancies"], Routes.site.vacancies)], owner: "the vacancy archive", into: &output)
    }

    /// One page of open vacancies: all of them, or one filter's.
    private struct ListPage: Sendable {
        let path: SitePath
        let title: String
        let vacancies: [Vacancy]
        let summary: String
    }

    private func listPage(_ list: ListPage, facets: VacancyFacets) -> RenderedPage {
        let (path, title, vacancies, summary) = (list.path, list.title, list.vacancies, list.summary)
        let page = context.page(title: title, path: path, kind: "vacancy-list", extra: ["summary": .text(summary)])
        let values: TemplateRecord = [
            "vacancies": .list(vacancies.map(vacancySummary)), "facets": facets.context(current: path, href: context.href),
            "show_filters": .flag(!facets.all.isEmpty), "archive_href": .text(context.href(Routes.site.vacancyArchive)),
            "empty_message": .text(t["no_open_vacancies"]),
        ]
        let crumbs: [(String, SitePath)] = path == Routes.site.vacancies ? [(t["home"], .home)] : [(t["home"], .home), (t["vacancies"], Routes.site.vacancies)]
        return render("vacancy-list", path: path, page: page, values: values, breadcrumbs: crumbs, owner: "the vacancy list")
    }

    private func vacancyPage(_ vacancy: Vacancy) -> RenderedPage {
        let key = vacancy.key
        let isOpen = site.status(of: vacancy).isOpen
        let body = vacancy.description.map { bodies.html(key: key, source: $0) }
        var extra: TemplateRecord = [:]
        if isOpen {
            extra["json_ld"] = [.text(JSONLD.jobPosting(vacancy, descriptionHTML: body ?? HTML.escape(vacancy.summary ?? vacancy.title), settings: settings))]
        } else {
            extra["noindex"] = true
        }
        if let summary = vacancy.summary { extra["summary"] = .text(summary) }
        let page = context.page(title: vacancy.title, path: vacancy.url, kind: "vacancy",
                                description: vacancy.summary ?? "\(vacancy.title) at \(vacancy.employer), \(vacancy.place)", extra: extra)
        var values: TemplateRecord = ["vacancy": .record(vacancyContext(vacancy)), "backlinks": backlinks(key)]
        if let body { values["body"] = .text(body) }
        return render("vacancy", path: vacancy.url, page: page, values: values,
                      breadcrumbs: [(t["home"], .home), (t["vacancies"], Routes.site.vacancies)],
                      lastModified: vacancy.posted?.description, owner: vacancy.location.description)
    }

    func vacancySummary(_ vacancy: Vacancy) -> TemplateValue {
        var entry = vacancyContext(vacancy)
        entry["href"] = .text(context.href(vacancy.url))
        return .record(entry)
    }

    private func vacancyContext(_ vacancy: Vacancy) -> TemplateRecord {
        var entry: TemplateRecord = [
            "id": .text(vacancy.id), "title": .text(vacancy.title), "employer": .text(vacancy.employer), "place": .text(vacancy.place),
            "closes": date(vacancy.closes), "apply_url": .text(vacancy.applyURL), "tags": .list(vacancy.tags),
            "has_tags": .flag(!vacancy.tags.isEmpty),
            "open": .flag(site.status(of: vacancy).isOpen), "closing_soon": .flag(site.status(of: vacancy) == .closingSoon),
        ]
        let optional: [String: String?] = [
            "summary": vacancy.summary, "region": vacancy.region, "duration": vacancy.duration, "salary": vacancy.salary,
            "contract": vacancy.contract.map { VacancyFacets.label($0, in: t) }, "hours": vacancy.hours.map { VacancyFacets.label($0, in: t) },
        ]
        for case let (key, value?) in optional { entry[key] = .text(value) }
        if let posted = vacancy.posted { entry["posted"] = date(posted) }
        return entry
    }
}
