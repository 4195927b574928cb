import CSV

/// Reads vacancy records from `.yaml`, `.yml`, `.json` (one record or a list) and `.csv`
/// (a header row, then one record a row, RFC 4180) into located `SourceRecord`s.
enum VacancyFileReader {
    static func records(in file: SourceFile) throws(Diagnostics) -> [SourceRecord] {
        if file.path.lowercased().hasSuffix(".csv") {
            return try csvRecords(file)
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

    // MARK: - CSV

    private static func csvRecords(_ file: SourceFile) throws(Diagnostics) -> [SourceRecord] {
        var text = file.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if let line = CSVQuoteCheck.unterminatedQuoteLine(in: text) {
            throw .error("a quoted field opened here is never closed", at: file.location(line: line), code: "csv-unterminated-quote")
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false)
        } catch {
            throw .error("cannot read CSV: \(error)", at: file.location(), code: "csv-syntax")
        }
        guard let header = reader.next() else { return [] }
        let names = header.map(\.trimmed)
        var line = 1 + newlines(in: header)
        var records: [SourceRecord] = []
        while let row = reader.next() {
            let rowLine = line + 1
            line = rowLine + newlines(in: row)
            if row.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            records.append(record(row, names: names, file: file, line: rowLine))
        }
        return records
    }

    private static func record(_ row: [String], names: [String], file: SourceFile, line: Int) -> SourceRecord {
        let location = file.location(line: line)
        var fields: [YAMLEntry] = []
        for (name, cell) in zip(names, row) where !name.isEmpty && !cell.trimmed.isEmpty {
            fields.append(YAMLEntry(key: name, keyLocation: location,
                                    value: YAMLNode(value: .scalar(cell, plain: false), location: location)))
        }
        return SourceRecord(location: location, fields: fields, fromCSV: true)
    }

    private static func newlines(in cells: [String]) -> Int {
        cells.reduce(0) { count, cell in count + cell.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } }
    }
}

/// CSV.swift reads an unterminated quote to the end of the file without complaint, so the
/// reader checks for one first: a quote that opens a field and is never closed.
enum CSVQuoteCheck {
    static func unterminatedQuoteLine(in text: String) -> Int? {
        var inQuotes = false
        var atFieldStart = true
        var justClosed = false
        var line = 1
        var openedOn = 1
        for byte in text.utf8 {
            if byte == 10 { line += 1 }
            if inQuotes {
                if byte == 34 { inQuotes = false; justClosed = true }
                continue
            }
            if byte == 34 && (atFieldStart || justClosed) {
                // A quote right after a closing one is a doubled quote: still inside the field.
                if atFieldStart { openedOn = line }
                inQuotes = true
            }
            justClosed = false
            atFieldStart = byte == 44 || byte == 10 || byte == 13
        }
        return inQuotes ? openedOn : nil
    }
}
