import PropertyBased
import Testing
@testable import UnionSite

/// Fuzz target 3: CSV vacancy records, `VacancyFileReader.records(in:)`.
@Suite("Fuzz: CSV records")
struct CSVFuzzTests {
    static let path = "content/vacancies/fuzz.csv"

    static let tokens = ["\"", "\"", "\"\"", ",", ",", ",", "\n", "\n", "\r\n", "\r\n", "\r", "a", "b c", " ", "\t", "\u{FEFF}", "\"x,y\"",
                         "\"a\nb\"", "\"\"\"\"", ";", "é", "👩‍👩‍👧", "\u{2028}", "\u{0}", "'", "=1+1", "id", "title"]

    static let header = FuzzGen.soup(["id", "title", ",", ",", " tags ", "\"a,b\"", "\"x\ny\"", "\"\"", " "], length: 1...8)

    /// A header line, then CSV-ish soup: stray and doubled quotes, commas, CR/LF inside and
    /// outside quotes, BOMs, empty lines.
    static let arbitrary = zip(Gen.bool, header, Gen<String?>.element(of: FuzzGen.newlines).map { $0! }, FuzzGen.soup(tokens, length: 0...60))
        .map { bom, header, newline, rest in (bom ? "\u{FEFF}" : "") + header + newline + rest }

    /// Cell text for valid files: anything, including what needs quoting.
    static let cell = FuzzGen.soup(["a", "b", "x y", " ", ",", "\"", "\"\"", "\n", "\r\n", "\r", ";", "é", "👩‍👩‍👧", "\t", "id", "=", "'"], length: 0...5)
    static let name = FuzzGen.soup(["id", "title", "tags", "a", " ", "é", ",", "\"", "\n", "x"], length: 0...3)

    /// RFC 4180 files with known contents: header names, rows, line breaks, quoting choices.
    static let valid = zip(
        name.array(of: 1...5),                        // header
        cell.array(of: 0...6).array(of: 0...8),       // rows (any width; empty rows become empty lines)
        Gen<String?>.element(of: ["\n", "\r\n"]).map { $0! },
        Gen.bool,                                     // BOM
        Gen.bool,                                     // quote every cell
        Gen.bool                                      // line break after the last row
    )

    @Test("arbitrary CSV-ish text: never crashes; record lines increase within the file")
    func arbitraryText() async {
        await fuzz(count: 400, input: Self.arbitrary) { text in
            Self.checkRecords(text)
        }
    }

    @Test("RFC 4180 files read back exactly, each record on its row's physical line")
    func validFiles() async {
        await fuzz(count: 400, input: Self.valid) { header, rows, newline, bom, quoteAll, finalNewline in
            // RFC 4180 (issue 16): distinct, non-empty names, and every row as wide as the
            // header; a row of no cells is a blank line, which is skipped.
            let names = header.enumerated().map { index, name in name + "c\(index)" }
            let rectangular = rows.map { row in row.isEmpty ? row : Array((row + Array(repeating: "", count: names.count)).prefix(names.count)) }
            Self.checkValid(header: names, rows: rectangular, newline: newline, bom: bom, quoteAll: quoteAll, finalNewline: finalNewline)
        }
    }

    @Test("a row wider or narrower than the header is refused at that row's line")
    func raggedRows() async {
        await fuzz(count: 200, input: zip(Self.cell.array(of: 1...6), Self.cell.array(of: 1...6))) { first, second in
            let header = first.indices.map { "c\($0)" }
            guard second.count != header.count, !second.allSatisfy({ $0.trimmed.isEmpty }) else { return }
            let quoted = second.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
            let text = header.joined(separator: ",") + "\n" + quoted.joined(separator: ",") + "\n"
            do throws(Diagnostics) {
                _ = try VacancyFileReader.records(in: SourceFile(path: Self.path, text: text))
                Issue.record("ragged row accepted: \(Fuzz.describe(text))")
            } catch {
                #expect(error.items.map(\.code) == ["csv-field-count"], "\(Fuzz.describe(text))")
                #expect(error.items.map { $0.location?.line } == [2], "\(Fuzz.describe(text))")
            }
        }
    }

    @Test("the corpus reads or fails with a located diagnostic")
    func corpus() {
        let files = Fuzz.corpus("csv")
        #expect(!files.isEmpty)
        for file in files { Self.checkRecords(file.text, name: file.name) }
    }

    // MARK: - Properties

    static func checkRecords(_ text: String, name: String? = nil) {
        let label = name ?? Fuzz.describe(text)
        let lineCount = Fuzz.lineBreaks(in: text) + 1
        do throws(Diagnostics) {
            let records = try VacancyFileReader.records(in: SourceFile(path: path, text: text))
            let lines = records.map(\.location.line)
            #expect(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 }, "record lines \(lines) do not increase: \(label)")
            #expect(lines.allSatisfy { (2...lineCount).contains($0) }, "record lines \(lines) outside 2...\(lineCount): \(label)")
            for record in records {
                #expect(record.fromCSV)
                #expect(record.fields.allSatisfy { !$0.key.isEmpty && $0.value.location.line == record.location.line }, "\(label)")
            }
        } catch {
            for diagnostic in error.items {
                let line = diagnostic.location?.line ?? 0
                #expect((1...lineCount).contains(line), "\(diagnostic) outside 1...\(lineCount): \(label)")
            }
        }
    }

    /// Writes the file, then compares the reader with what went in.
    static func checkValid(header: [String], rows: [[String]], newline: String, bom: Bool, quoteAll: Bool, finalNewline: Bool) {
        func field(_ cell: String) -> String {
            let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            guard needsQuotes || quoteAll else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        // A header of one empty name would be an empty line; quote it so it is a row.
        let headerLine = header == [""] ? "\"\"" : header.map(field).joined(separator: ",")
        var text = (bom ? "\u{FEFF}" : "") + headerLine
        var rowLines: [Int] = []
        for row in rows {
            text += newline
            // Physical lines as `grep -n`, `wc -l` and TextFileReader count them: by LF (a CR
            // alone inside a quoted cell is data, not a line break).
            rowLines.append(text.utf8.reduce(1) { $1 == 10 ? $0 + 1 : $0 })
            text += row.map(field).joined(separator: ",")
        }
        if finalNewline { text += newline }

        let names = header.map(\.trimmed)
        var expected: [(line: Int, fields: [String: String])] = []
        for (row, line) in zip(rows, rowLines) where !row.allSatisfy({ $0.trimmed.isEmpty }) {
            var fields: [String: String] = [:]
            for (name, cell) in zip(names, row) where !cell.trimmed.isEmpty {
                fields[name] = cell
            }
            expected.append((line, fields))
        }

        let label = Fuzz.describe(text)
        let records: [SourceRecord]
        do throws(Diagnostics) {
            records = try VacancyFileReader.records(in: SourceFile(path: path, text: text))
        } catch {
            Issue.record("valid CSV refused: \(error) for \(label)")
            return
        }
        #expect(records.map(\.location.line) == expected.map(\.line), "record lines differ for \(label)")
        let actual = records.map { record in
            Dictionary(record.fields.map { ($0.key, $0.value.string ?? "") }, uniquingKeysWith: { first, _ in first })
        }
        #expect(actual == expected.map(\.fields), "cells differ for \(label)")
        checkRecords(text)
    }
}
