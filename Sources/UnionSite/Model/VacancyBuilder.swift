import Foundation

/// Builds vacancies from records, checking each field where it was written, ids unique
/// across all files, and `apply_url` a real web address (never `javascript:` or relative).
struct VacancyBuilder {
    let timeZone: TimeZone
    private(set) var problems: [Diagnostic] = []
    private var seenIDs: [String: SourceLocation] = [:]

    /// Facet and archive pages live beside vacancy pages under `/vacancies/`.
    static let reservedIDs = Routes.reservedVacancyIDs
    /// In the contract's order, which is also the order "did you mean" prefers on a tie.
    static let knownFields: [String] = [
        "id", "title", "employer", "location", "closes", "apply_url", "posted", "contract", "duration",
        "hours", "salary", "region", "summary", "tags", "description",
    ]

    /// The further languages' codes: a record may hold `cy: {title, summary, description, location}`.
    var languages: [String] = []

    init(timeZone: TimeZone, languages: [String] = []) {
        self.timeZone = timeZone
        self.languages = languages
    }

    /// Every record's vacancy, in order, its problems in `problems` in the order they were
    /// always reported. Each record is built on its own, on every core; then ids are checked
    /// for repeats in record order, and a record whose id repeats an earlier one is built again
    /// here, so it is refused exactly as a one-by-one build refuses it.
    mutating func vacancies(_ records: [SourceRecord]) -> [Vacancy] {
        let alone = self
        let built = Parallel.map(records) { record in
            var builder = alone
            let vacancy = builder.vacancy(record)
            return (vacancy: vacancy, problems: builder.problems, id: builder.seenIDs.first)
        }
        var result: [Vacancy] = []
        for (record, one) in zip(records, built) {
            if let (id, location) = one.id {
                guard seenIDs[id] == nil else {
                    if let vacancy = vacancy(record) { result.append(vacancy) }
                    continue
                }
                seenIDs[id] = location
            }
            problems += one.problems
            if let vacancy = one.vacancy { result.append(vacancy) }
        }
        return result
    }

    mutating func vacancy(_ record: SourceRecord) -> Vacancy? {
        var fields = FieldReader(entries: record.fields, at: record.location, timeZone: timeZone)
        if record.fromCSV { fields.listSeparator = ";" }
        let id = checkedID(&fields)
        let title = fields.string("title", required: true)
        let employer = fields.string("employer", required: true)
        let place = fields.string("location", required: true)
        let closesAt = fields.date("closes", required: true)
        // Written with a time, `closes` is also the JobPosting's `validThrough`.
        let closesText = fields.node("closes")?.string?.trimmed ?? ""
        let closes = closesAt?.day
        let applyURL = fields.string("apply_url", required: true).flatMap {
            SettingsReader.checkedWebURL($0, key: "apply_url", at: fields.node("apply_url")?.location, fields: &fields)
        }
        let posted = fields.day("posted")
        let contract: Vacancy.Contract? = choice("contract", &fields)
        let hours: Vacancy.Hours? = choice("hours", &fields)
        let description = fields.string("description").flatMap { _ in fields.node("description") }.map { markdown($0, record: record) }
        let vacancy = Vacancy(id: id ?? "", title: title?.trimmed ?? "", employer: employer?.trimmed ?? "", place: place?.trimmed ?? "",
                              closes: closes ?? Day(year: 1970, month: 1, day: 1)!, applyURL: applyURL ?? "", posted: posted,
                              contract: contract, duration: fields.string("duration")?.trimmed, hours: hours,
                              salary: fields.string("salary")?.trimmed, region: fields.string("region")?.trimmed,
                              summary: fields.string("summary")?.trimmed, tags: fields.stringList("tags"),
                              description: description, location: record.location,
                              translations: translations(&fields, record: record),
                              closingTime: Day(closesText) == nil ? closesAt?.timestamp : nil)
        if let changes = fields.entry("changes") {
            _ = fields.node("changes")
            fields.fail("a vacancy has no `changes`: its `posted` and `closes` dates are its history", at: changes.keyLocation,
                        code: "vacancy-changes")
        }
        fields.warnIgnoredKeys(defined: Self.knownFields, what: "vacancy field", code: "vacancy-unknown-field")
        if posted == nil && id != nil {
            fields.warn("no `posted` date: Google's job search requires datePosted", at: record.location, code: "vacancy-no-posted")
        }
        let failed = fields.problems.contains { $0.severity == .error }
        problems.append(contentsOf: fields.problems)
        return failed || id == nil ? nil : vacancy
    }

    private mutating func checkedID(_ fields: inout FieldReader) -> String? {
        guard let id = fields.string("id", required: true)?.trimmed else { return nil }
        let location = fields.node("id")?.location ?? fields.location
        guard Slug.isValid(id), !Self.reservedIDs.contains(id) else {
            fields.fail("vacancy `id` must be lower-case letters, digits and hyphens (and not archive, region, contract, hours or page), found \(id)",
                        at: location, code: "vacancy-invalid-id")
            return nil
        }
        if let first = seenIDs[id] {
            fields.fail("vacancy id `\(id)` is already used at \(first)", at: location, code: "vacancy-duplicate-id")
            return nil
        }
        seenIDs[id] = location
        return id
    }

    private func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ fields: inout FieldReader) -> T? where T.RawValue == String {
        guard let text = fields.string(key)?.trimmed.lowercased(), !text.isEmpty else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            fields.fail("`\(key)` must be one of \(allowed), found \(text)", at: fields.node(key)?.location ?? fields.location, code: "vacancy-invalid-choice")
            return nil
        }
        return value
    }

    /// `cy: {title, summary, description, location}`: the record's words in a further language.
    private func translations(_ fields: inout FieldReader, record: SourceRecord) -> [String: Vacancy.Text] {
        var result: [String: Vacancy.Text] = [:]
        for code in languages {
            guard let node = fields.node(code) else { continue }
            guard node.entries != nil else {
                fields.fail("`\(code)` must be a mapping {title, summary, description, location}, found \(node.kindName)",
                            at: node.location, code: "wrong-type")
                continue
            }
            var inner = FieldReader(node, at: node.location, timeZone: timeZone)
            let description = inner.string("description").flatMap { _ in inner.node("description") }.map { markdown($0, record: record) }
            result[code] = Vacancy.Text(title: inner.string("title")?.trimmed, summary: inner.string("summary")?.trimmed,
                                        description: description, place: inner.string("location")?.trimmed)
            inner.warnIgnoredKeys(defined: KnownKeys.vacancyText, what: "`\(code)` vacancy field", code: "vacancy-unknown-field")
            fields.include(inner)
        }
        return result
    }

    /// A block scalar's text starts on the line after its key.
    /// - Parameter node: a text that is not blank (`FieldReader.string` has checked it).
    private func markdown(_ node: YAMLNode, record: SourceRecord) -> MarkdownSource {
        let text = node.string ?? ""
        // A CSV cell: its lines are the file's, columns approximate.
        if record.fromCSV { return MarkdownSource(text: text, path: node.location.path, firstLine: node.location.line) }
        guard let indent = node.blockIndent else {
            // A quoted or plain scalar: its lines and columns are not the file's (JSON's `\n`
            // and `\u00e9`, YAML folded over several lines), so every position is the value's own.
            return MarkdownSource(text: text, path: node.location.path, firstLine: node.location.line, pinned: node.location)
        }
        return MarkdownSource(text: text, path: node.location.path, firstLine: node.location.line + 1, columnOffset: indent)
    }
}
