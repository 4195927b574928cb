import Testing
@testable import UnionSite

/// Where a problem in a vacancy's Markdown description is reported: always on a line of the
/// record's file; at the link itself when the file's lines are the description's (a block
/// scalar), else at the value.
@Suite("Vacancy descriptions: positions of their problems")
struct VacancyDescriptionPositionTests {
    static let record = "\"id\": \"v\", \"title\": \"T\", \"employer\": \"E\", \"location\": \"L\", \"closes\": \"2026-12-01\", \"apply_url\": \"https://example.org/a\""

    func firstError(_ path: String, _ text: String) throws -> String? {
        let site = try TestSite([path: text])
        return try site.diagnostics().first { $0.contains("error:") }
    }

    @Test("a JSON string with \\n escapes: at the value, never past the file's end")
    func jsonEscapes() throws {
        let json = "{\(Self.record),\n \"description\": \"Intro\\n\\nSecond para with [x](missing.md)\"}\n"
        let line = try #require(try firstError("content/vacancies/a.json", json))
        #expect(line.hasPrefix("content/vacancies/a.json:2:17: error:"), "\(line)")
    }

    @Test("a quoted YAML scalar, or a plain one folded over two lines: at the value", arguments: [
        "description: \"See [x](missing.md).\"\n", "description: See the notes and\n  then [x](missing.md).\n",
    ])
    func quotedOrFolded(description: String) throws {
        let yaml = "id: v\ntitle: T\nemployer: E\nlocation: L\ncloses: 2026-12-01\napply_url: https://example.org/a\n" + description
        let line = try #require(try firstError("content/vacancies/a.yaml", yaml))
        #expect(line.hasPrefix("content/vacancies/a.yaml:7:14: error:"), "\(line)")
    }

    @Test("a block scalar: the link's own line and column")
    func blockScalar() throws {
        let yaml = "id: v\ntitle: T\nemployer: E\nlocation: L\ncloses: 2026-12-01\napply_url: https://example.org/a\ndescription: |\n  Intro.\n\n  See [x](missing.md).\n"
        let line = try #require(try firstError("content/vacancies/a.yaml", yaml))
        #expect(line.hasPrefix("content/vacancies/a.yaml:10:7: error:"), "\(line)")
    }
}
