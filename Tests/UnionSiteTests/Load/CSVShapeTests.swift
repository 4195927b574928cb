import Foundation
import Testing
@testable import UnionSite

/// Issue 16: a CSV file whose rows and header do not line up loses values without a word
/// unless the reader refuses it.
@Suite("CSV rows and header line up")
struct CSVShapeTests {
    private func diagnostics(_ text: String) -> [String] {
        do throws(Diagnostics) {
            _ = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
            return []
        } catch {
            return error.sorted.map(\.description)
        }
    }

    @Test("a row with more fields than the header is an error at its line, naming the counts")
    func tooMany() {
        #expect(diagnostics("id,title\na,b\nc,d,e\n") == [
            "content/vacancies/v.csv:3:1: error: this row has 3 fields but the header has 2: a value holding a comma must be in double quotes",
        ])
    }

    @Test("a row with fewer fields than the header is an error at its line, naming the counts")
    func tooFew() {
        #expect(diagnostics("id,title,employer\na,\"two\nlines\",c\nd\n") == [
            "content/vacancies/v.csv:4:1: error: this row has 1 field but the header has 3: leave a value empty, but keep its comma",
        ])
    }

    @Test("blank lines and rows of empty cells between rows are skipped")
    func blankLines() throws {
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: "id,title\n\na,b\n   \n,,,\nc,d\n\n"))
        #expect(records.map(\.location.line) == [3, 6])
    }

    @Test("a header column without a name, or with a repeated name, is an error")
    func header() {
        #expect(diagnostics("id,title, ,Title,title\na,b,c,d,e\n") == [
            "content/vacancies/v.csv:1:1: error: column 3 of the header has no name",
            "content/vacancies/v.csv:1:1: error: column 5 of the header repeats `title` (column 2)",
        ])
    }

    @Test("text after a closing quote is an error at its line (CSV.swift would drop a character)")
    func textAfterQuote() {
        #expect(diagnostics("id,title\na,\"Adviser\" (primary)\n") == [
            "content/vacancies/v.csv:2:1: error: text follows the closing quote of a field: put the whole value in quotes and double each quote inside it (\"\")",
        ])
        #expect(CSVQuoteCheck.textAfterClosingQuoteLine(in: "id,title\na,\"x \"\"y\"\"\"\r\nb,\"\"\n") == nil)
    }

    @Test("an unknown column is reported once, at the header, not once a row")
    func unknownColumn() throws {
        let text = "id,title,employer,location,closes,apply_url,posted,grade\n"
            + "a,T,E,L,2026-12-01,https://example.org/a,2026-11-01,B\n"
            + "b,T,E,L,2026-12-01,https://example.org/b,2026-11-01,C\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        for record in records { _ = builder.vacancy(record) }
        #expect(Diagnostics(builder.problems).sorted.map(\.description) == [
            "content/vacancies/v.csv:1:1: warning: unknown vacancy field `grade` is ignored",
        ])
    }

    @Test("JSON files are read leniently: a trailing comma is accepted and every value kept")
    func lenientJSON() throws {
        let text = "[\n  {\"id\": \"a\", \"title\": \"A\",},\n  {\"id\": \"b\", \"tags\": [\"x\", \"y\",]},\n]\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.json", text: text))
        #expect(records.map { $0.fields.map(\.key) } == [["id", "title"], ["id", "tags"]])
        #expect(records[1].fields[1].value.items?.compactMap(\.string) == ["x", "y"])
    }
}
