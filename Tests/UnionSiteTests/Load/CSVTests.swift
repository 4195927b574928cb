import Foundation
import Testing
@testable import UnionSite

@Suite("CSV quoting and vacancy records")
struct CSVTests {
    // MARK: - CSVQuoteCheck

    @Test("well-formed quoting passes the quote check", arguments: [
        "id,title\na,\"Adviser, primary\"\n",
        "id,title\na,\"He said \"\"hi\"\"\"\n",
        "id,title\na,\"two\nlines\"\nb,plain\n",
        "id,title\r\na,\"x\"\r\n",
        "id,title\na,b\"c\n",
        "",
    ])
    func wellFormed(text: String) {
        #expect(CSVQuoteCheck.unterminatedQuoteLine(in: text) == nil)
    }

    @Test("an unterminated quote is reported at the line it opens on", arguments: [
        ("id,title\na,\"never closed\nb,c\n", 2),
        ("id,title\na,b\nc,\"x\"\"\n", 3),
        ("\"id,title\n", 1),
        ("id,title\r\na,b\r\nc,\"open\r\nmore\r\n", 3),
    ])
    func unterminated(text: String, line: Int) {
        #expect(CSVQuoteCheck.unterminatedQuoteLine(in: text) == line)
    }

    // MARK: - VacancyFileReader

    private func fields(_ record: SourceRecord) -> [String: String] {
        Dictionary(record.fields.map { ($0.key, $0.value.string ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test("CSV cells: quoted commas, doubled quotes and trimmed header names")
    func csvCells() throws {
        let file = SourceFile(path: "content/vacancies/v.csv",
                              text: "id, title ,tags\nrole-a,\"Adviser, primary \"\"phase\"\"\",maths; science\n")
        let records = try VacancyFileReader.records(in: file)
        try #require(records.count == 1)
        #expect(fields(records[0]) == ["id": "role-a", "title": "Adviser, primary \"phase\"", "tags": "maths; science"])
        #expect(records[0].fromCSV)
        #expect(records[0].location == UnionSite.SourceLocation(path: "content/vacancies/v.csv", line: 2, column: 1))
    }

    @Test("a line break inside quotes keeps the following records on their own lines")
    func lineBreakInQuotes() throws {
        let text = "id,summary\nfirst,\"line one\nline two\nline three\"\nsecond,plain\nthird,x\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
        #expect(records.map { fields($0)["id"] } == ["first", "second", "third"])
        #expect(records.map(\.location.line) == [2, 5, 6])
        #expect(fields(records[0])["summary"] == "line one\nline two\nline three")
    }

    @Test("a line break inside quotes in the header moves every record down")
    func lineBreakInHeader() throws {
        let text = "id,\"sum\nmary\"\na,b\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
        #expect(records.map(\.location.line) == [3])
    }

    @Test("CRLF line ends, with and without a break inside quotes")
    func crlf() throws {
        let text = "id,title\r\nfirst,\"two\r\nlines\"\r\nsecond,plain\r\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
        #expect(records.map { fields($0)["id"] } == ["first", "second"])
        #expect(records.map(\.location.line) == [2, 4])
        #expect(fields(records[1])["title"] == "plain")
    }

    @Test("a byte order mark does not become part of the first field name")
    func bom() throws {
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: "\u{FEFF}id,title\nx,y\n"))
        #expect(fields(records[0])["id"] == "x")
    }

    @Test("blank rows are skipped without shifting later line numbers")
    func blankRows() throws {
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: "id,title\n,\na,b\n"))
        #expect(records.map(\.location.line) == [3])
    }

    @Test("an unterminated quote is an error at its line")
    func unterminatedError() {
        let file = SourceFile(path: "content/vacancies/v.csv", text: "id,title\na,b\nc,\"open\nd,e\n")
        let error = #expect(throws: Diagnostics.self) { try VacancyFileReader.records(in: file) }
        #expect(error?.sorted.map(\.description) == ["content/vacancies/v.csv:3:1: error: a quoted field opened here is never closed"])
    }

    @Test("`;`-separated CSV tags become a list")
    func csvTags() throws {
        let text = "id,title,employer,location,closes,apply_url,posted,tags\nrole,T,E,L,2026-12-01,https://example.org/a,2026-11-01,maths; science ;;primary\n"
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: text))
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        let built = builder.vacancy(records[0])
        let vacancy = try #require(built)
        #expect(vacancy.tags == ["maths", "science", "primary"])
        #expect(builder.problems.isEmpty)
    }

    @Test("YAML and JSON files hold one record or a list, each at its own line")
    func yamlAndJSON() throws {
        let list = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.yaml", text: "- id: a\n  title: A\n- id: b\n  title: B\n"))
        #expect(list.map { fields($0)["id"] } == ["a", "b"])
        #expect(list.map(\.location.line) == [1, 3])
        let single = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.json", text: "{\n  \"id\": \"c\",\n  \"title\": \"C\"\n}\n"))
        #expect(single.map { fields($0)["id"] } == ["c"])
        #expect(single.first?.fromCSV == false)
    }

    @Test("a list item that is not a mapping is refused")
    func notARecord() {
        let file = SourceFile(path: "content/vacancies/v.yaml", text: "- id: a\n- just text\n")
        let error = #expect(throws: Diagnostics.self) { try VacancyFileReader.records(in: file) }
        #expect(error?.sorted.map(\.description) == ["content/vacancies/v.yaml:2:3: error: a vacancy record must be a mapping of fields, found a value"])
    }
}
