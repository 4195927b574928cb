/// Reads vacancy records from `.yaml`, `.yml`, `.json` (one record or a list) and `.csv`
/// (a header row, then one record a row, RFC 4180; see `CSVRecords`) into located `SourceRecord`s.
///
/// JSON goes through the YAML parser, as JSON is (nearly) a subset of YAML: that gives every
/// value a line and column, and it is lenient on purpose, accepting trailing commas, comments
/// and unquoted keys that strict JSON refuses. Nothing it accepts is lost: each value still
/// reaches the record, and the record is checked field by field like any other.
enum VacancyFileReader {
    static func records(in file: SourceFile) throws(Diagnostics) -> [SourceRecord] {
        if file.path.lowercased().hasSuffix(".csv") {
            return try CSVRecords.records(in: file)
        }
        return try yamlRecords(file)
    }

    // MARK: - YAML and JSON

    private static func yamlRecords(_ file: SourceFile) throws(Diagnostics) -> [SourceRecord] {
        guard let root = try YAMLParser.parse(file.text, path: file.path) else { return [] }
        let nodes = root.items ?? [root]
        var records: [SourceRecord] = []
        var problems = Diagnostics()
        for node in nodes {
            guard let entries = node.entries else {
                problems.append(.error("a vacancy record must be a mapping of fields, found \(node.kindName)", at: node.location, code: "vacancy-not-a-record"))
                continue
            }
            records.append(SourceRecord(location: node.location, fields: entries, fromCSV: false))
        }
        try problems.throwIfErrors()
        return records
    }
}
