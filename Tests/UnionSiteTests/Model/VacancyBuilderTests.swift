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

    @Test("many records built at once give what building them one by one gives: repeats refused in order, problems in order")
    func manyAtOnce() throws {
        let header = "id,title,employer,location,posted,closes,apply_url,contract,hours\n"
        // 60 records: every seventh repeats an earlier id, every eleventh has a bad id, every
        // thirteenth no posted date and a bad contract.
        let rows = (0..<60).map { index -> String in
            let id = index % 11 == 5 ? "Bad Id \(index)" : index % 7 == 6 ? "role-\(index - 3)" : "role-\(index)"
            let posted = index % 13 == 4 ? "" : "2026-11-01"
            let contract = index % 13 == 4 ? "forever" : "permanent"
            return "\(id),Adviser \(index),Trust,Leeds,\(posted),2026-12-01,https://example.org/\(index),\(contract),full-time\n"
        }
        let records = try VacancyFileReader.records(in: SourceFile(path: "content/vacancies/v.csv", text: header + rows.joined()))
        var oneByOne = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        let expected = records.compactMap { oneByOne.vacancy($0) }
        var atOnce = VacancyBuilder(timeZone: TimeZone(identifier: "UTC")!)
        let built = atOnce.vacancies(records)
        #expect(built.map(\.id) == expected.map(\.id))
        #expect(atOnce.problems.map(\.description) == oneByOne.problems.map(\.description))
        #expect(oneByOne.problems.contains { $0.code == "vacancy-duplicate-id" })
        #expect(oneByOne.problems.contains { $0.code == "vacancy-invalid-id" })
    }
}
