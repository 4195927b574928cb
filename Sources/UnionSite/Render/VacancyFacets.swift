/// The filters on `/vacancies/`: one static page per region, contract type and hours, so
/// filtering works without JavaScript and each filtered list has its own address. Names and
/// labels are in the site's language; the addresses are the same in every language.
struct VacancyFacets {
    struct Value {
        let label: String
        let path: SitePath
        let count: Int
        let matches: @Sendable (Vacancy) -> Bool
    }

    struct Facet {
        let name: String
        let values: [Value]
    }

    let all: [Facet]

    init(_ open: [Vacancy], strings: ThemeStrings = .english) {
        let regions = Set(open.compactMap(\.region)).sorted()
        let region = Facet(name: strings["region"], values: regions.map { name in
            Value(label: name, path: Routes.site.vacancyFilter(.region, Slug.from(name)), count: open.filter { $0.region == name }.count) { $0.region == name }
        })
        let contract = Facet(name: strings["contract"], values: Vacancy.Contract.allCases.compactMap { kind in
            let count = open.filter { $0.contract == kind }.count
            return count == 0 ? nil : Value(label: Self.label(kind, in: strings), path: Routes.site.vacancyFilter(.contract, kind.rawValue), count: count) { $0.contract == kind }
        })
        let hours = Facet(name: strings["hours"], values: Vacancy.Hours.allCases.compactMap { kind in
            let count = open.filter { $0.hours == kind }.count
            return count == 0 ? nil : Value(label: Self.label(kind, in: strings), path: Routes.site.vacancyFilter(.hours, kind.rawValue), count: count) { $0.hours == kind }
        })
        all = [region, contract, hours].filter { !$0.values.isEmpty }
    }

    func context(current: SitePath, href: (SitePath) -> String) -> TemplateValue {
        .list(all.map { facet in
            ["name": .text(facet.name), "values": .list(facet.values.map { value in
                var entry: TemplateRecord = ["label": .text(value.label), "href": .text(href(value.path)), "count": .number(value.count)]
                if value.path == current { entry["current"] = true }
                return .record(entry)
            })]
        })
    }

    static func label(_ contract: Vacancy.Contract, in strings: ThemeStrings) -> String {
        switch contract {
        case .permanent: strings["contract_permanent"]
        case .fixedTerm: strings["contract_fixed_term"]
        case .secondment: strings["contract_secondment"]
        }
    }

    static func label(_ hours: Vacancy.Hours, in strings: ThemeStrings) -> String {
        switch hours {
        case .fullTime: strings["hours_full_time"]
        case .partTime: strings["hours_part_time"]
        }
    }
}
