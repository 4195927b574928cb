import Foundation
import Testing
@testable import UnionSite

@Suite("VacancyBuilder")
struct VacancyBuilderTests {
    func record(_ csv: String) throws -> SourceRecord {
        let header = "id,title,employer,location,posted,closes,apply_url,contract,hours\n"
        return try #require(try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: header + csv)).first)
    }

    @Test("a complete record becomes a vacancy, open through its closing day")
    func complete() throws {
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "Europe/London")!)
        let built = builder.vacancy(try record("role,Adviser,Trust,Leeds,2026-11-01,2026-11-29,https://example.org/a,fixed-term,part-time\n"))
        let vacancy = try #require(built)
        #expect(builder.problems.isEmpty)
        #expect(vacancy.contract == .fixedTerm)
        #expect(vacancy.hours == .partTime)
        #expect(vacancy.isOpen(on: Day("2026-11-29")!))
        #expect(!vacancy.isOpen(on: Day("2026-11-30")!))
        #expect(Vacancy.Status(closes: vacancy.closes, on: Day("2026-11-25")!) == .closingSoon)
        #expect(vacancy.url == .folder("vacancies", "role"))
    }

    @Test("reserved ids are refused", arguments: ["archive", "region", "contract", "hours", "page"])
    func reservedIDs(id: String) throws {
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        #expect(builder.vacancy(try record("\(id),A,T,L,2026-11-01,2026-12-01,https://example.org/a,,\n")) == nil)
        #expect(builder.problems.map(\.code) == ["vacancy-invalid-id"])
    }

    @Test("a value holding a line break does not break the one-line diagnostic format")
    func singleLineDiagnostics() throws {
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        _ = builder.vacancy(try record("\"two\nlines\",A,T,L,2026-11-01,2026-12-01,https://example.org/a,,\n"))
        #expect(!builder.problems.isEmpty)
        for problem in builder.problems {
            #expect(!problem.description.contains("\n"), "\(problem.description)")
        }
    }

    @Test("a record without `posted` builds, with a warning")
    func noPosted() throws {
        var builder = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        let built = builder.vacancy(try record("role,A,T,L,,2026-12-01,https://example.org/a,,\n"))
        #expect(built != nil)
        #expect(builder.problems.map(\.code) == ["vacancy-no-posted"])
        #expect(builder.problems.allSatisfy { $0.severity == .warning })
    }
}
