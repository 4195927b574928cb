import CSV

/// Reads a `.csv` vacancy file: a header row of field names, then one record a row (RFC 4180).
///
/// Nothing in the file may be lost on the way: CSV.swift itself reads a ragged row, a column
/// without a name or a value with text after its closing quote without complaint, so each of
/// those is checked here and reported at its line. Rows whose cells are all empty (blank lines,
/// or the `,,,,` rows spreadsheets export) hold nothing and are skipped.
enum CSVRecords {
    static func records(in file: SourceFile) throws(Diagnostics) -> [SourceRecord] {
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
        // Text after a closing quote is reported with the rest; CSV.swift has misread its row,
        // so that row says nothing more (its field count would only repeat the problem).
        let quoteLine = CSVQuoteCheck.textAfterClosingQuoteLine(in: text)
        var problems = Diagnostics(headerProblems(names, file: file) + quoteProblem(at: quoteLine, file: file))
        let records = rows(reader, names: names, firstLine: 2 + newlines(in: header), skipping: quoteLine, file: file, problems: &problems)
        try problems.throwIfErrors()
        return records
    }

    /// The records after the header, each at the physical line its row starts on.
    private static func rows(_ reader: CSVReader, names: [String], firstLine: Int, skipping skipped: Int?, file: SourceFile,
                             problems: inout Diagnostics) -> [SourceRecord] {
        var next = firstLine
        var records: [SourceRecord] = []
        while let row = reader.next() {
            let rowLine = next
            next = rowLine + newlines(in: row) + 1
            if row.allSatisfy({ $0.trimmed.isEmpty }) || (rowLine..<next).contains(skipped ?? 0) { continue }
            if let problem = countProblem(row, names: names, at: file.location(line: rowLine)) {
                problems.append(problem)
                continue
            }
            records.append(record(row, names: names, file: file, line: rowLine))
        }
        return records
    }

    private static func quoteProblem(at line: Int?, file: SourceFile) -> [Diagnostic] {
        guard let line else { return [] }
        return [.error("text follows the closing quote of a field: put the whole value in quotes and double each quote inside it (\"\")",
                       at: file.location(line: line), code: "csv-syntax")]
    }

    /// Every column needs a name, and a different one: a cell under no name, or under a name
    /// already taken, would have nowhere to go.
    static func headerProblems(_ names: [String], file: SourceFile) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let column = index + 1
            if name.isEmpty {
                problems.append(.error("column \(column) of the header has no name", at: file.location(), code: "csv-header"))
            } else if let first = seen[name] {
                problems.append(.error("column \(column) of the header repeats `\(name)` (column \(first))", at: file.location(), code: "csv-header"))
            } else {
                seen[name] = column
            }
        }
        return problems
    }

    /// RFC 4180: every record has as many fields as the header. An unquoted comma inside a
    /// value (`£64,800`) is the usual cause of one too many.
    private static func countProblem(_ row: [String], names: [String], at location: SourceLocation) -> Diagnostic? {
        guard row.count != names.count else { return nil }
        let hint = row.count > names.count ? ": a value holding a comma must be in double quotes" : ": leave a value empty, but keep its comma"
        let fields = row.count == 1 ? "1 field" : "\(row.count) fields"
        return .error("this row has \(fields) but the header has \(names.count)\(hint)", at: location, code: "csv-field-count")
    }

    /// Empty cells are left out, as an absent YAML key would be. Keys point at the header, where
    /// a field name is written, so an unknown column is reported once, not once a row.
    private static func record(_ row: [String], names: [String], file: SourceFile, line: Int) -> SourceRecord {
        let location = file.location(line: line)
        var fields: [YAMLEntry] = []
        for (name, cell) in zip(names, row) where !cell.trimmed.isEmpty {
            fields.append(YAMLEntry(key: name, keyLocation: file.location(),
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

    /// CSV.swift drops the character after a closing quote that is not a comma or a line
    /// break (`"abc"def` reads as `abc"ef`), so such text is refused: the line it is on.
    static func textAfterClosingQuoteLine(in text: String) -> Int? {
        var inQuotes = false
        var atFieldStart = true
        var justClosed = false
        var line = 1
        for byte in text.utf8 {
            if byte == 10 { line += 1 }
            if inQuotes {
                if byte == 34 { inQuotes = false; justClosed = true }
                continue
            }
            let endsField = byte == 44 || byte == 10 || byte == 13
            if justClosed && byte != 34 && !endsField { return line }
            if byte == 34 && (atFieldStart || justClosed) { inQuotes = true }
            justClosed = false
            atFieldStart = endsField
        }
        return nil
    }
}
