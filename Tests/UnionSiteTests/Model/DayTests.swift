import Foundation
import Testing
@testable import UnionSite

@Suite("Day and ContentDate")
struct DayTests {
    @Test("real dates parse", arguments: ["2026-11-29", "2024-02-29", "2000-02-29", "1999-12-31", "2025-01-01", "2025-04-30"])
    func realDates(text: String) throws {
        let day = try #require(Day(text))
        #expect(day.description == text)
    }

    @Test("impossible dates are refused", arguments: ["2025-02-30", "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00", "2025-01-32"])
    func impossibleDates(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("wrong shapes are refused", arguments: [
        "2025-1-01", "25-01-01", "2025/01/01", "20250101", "2025-01-01 ", " 2025-01-01", "2025-01-1a", "", "2025-01", "２０２５-01-01", "+025-01-01",
        "2025-01-01T10:00:00Z",
    ])
    func wrongShapes(text: String) {
        #expect(Day(text) == nil)
    }

    @Test("leap years: divisible by 4, except centuries not divisible by 400")
    func leapYears() {
        #expect(Day.length(of: 2, in: 2024) == 29)
        #expect(Day.length(of: 2, in: 2025) == 28)
        #expect(Day.length(of: 2, in: 1900) == 28)
        #expect(Day.length(of: 2, in: 2000) == 29)
    }

    @Test("days compare by date and count ordinals from 1970")
    func ordering() throws {
        let a = try #require(Day("2026-11-29")), b = try #require(Day("2026-12-01"))
        #expect(a < b)
        #expect(b.ordinal - a.ordinal == 2)
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("2024-03-01")!.ordinal - Day("2024-02-28")!.ordinal == 2)
    }

    @Test("long form as GOV.UK writes it, month names from the English string table")
    func longForm() throws {
        #expect(ThemeStrings.english.date(try #require(Day("2025-03-14"))) == "14 March 2025")
    }

    // MARK: - ContentDate

    private let london = TimeZone(identifier: "Europe/London")!

    @Test("a day alone is midnight in the site's time zone, with its offset (GMT and BST)")
    func dayAtMidnight() throws {
        #expect(ContentDate.parse("2026-01-15", timeZone: london)?.timestamp == "2026-01-15T00:00:00+00:00")
        #expect(ContentDate.parse("2026-07-15", timeZone: london)?.timestamp == "2026-07-15T00:00:00+01:00")
        #expect(ContentDate.parse("2026-07-15", timeZone: TimeZone(identifier: "America/New_York")!)?.timestamp == "2026-07-15T00:00:00-04:00")
    }

    @Test("full ISO 8601 date-times are accepted and kept as written", arguments: [
        "2026-10-01T09:30:00+01:00", "2026-10-01T09:30:00Z", "2026-10-01T09:30:00.250Z",
    ])
    func isoDateTimes(text: String) throws {
        let date = try #require(ContentDate.parse(text, timeZone: london))
        #expect(date.day == Day("2026-10-01"))
        #expect(date.timestamp == text)
    }

    @Test("a date-time is on its day in the site's time zone", arguments: [
        ("2026-05-31T23:30:00Z", "2026-06-01"), ("2026-01-31T23:30:00Z", "2026-01-31"), ("2026-06-01T00:30:00+02:00", "2026-05-31"),
        ("2026-06-01T09:00:00+01:00", "2026-06-01"),
    ])
    func dayInSiteZone(text: String, day: String) throws {
        let date = try #require(ContentDate.parse(text, timeZone: london))
        #expect(date.day == Day(day))
        #expect(date.timestamp == text)
    }

    @Test("ISO 8601 without seconds, or without a zone (the site's), is read, and written as RFC 3339", arguments: [
        ("2026-05-01T10:00Z", "2026-05-01T10:00:00Z"), ("2026-05-01T10:00+01:00", "2026-05-01T10:00:00+01:00"),
        ("2026-05-01T10:00", "2026-05-01T10:00:00+01:00"), ("2026-01-15T23:30:00", "2026-01-15T23:30:00+00:00"),
        ("2026-07-01T09:30:00.250", "2026-07-01T09:30:00.250+01:00"),
    ])
    func withoutSeconds(text: String, timestamp: String) throws {
        #expect(try #require(ContentDate.parse(text, timeZone: london)).timestamp == timestamp)
    }

    @Test("malformed or impossible date-times are refused", arguments: [
        "2026-10-01T25:00:00Z", "2026-10-01T25:00:00", "2026-10-01T09", "2026-02-30T09:30:00Z", "2026-10-01 09:30:00Z", "yesterday", "2026-10-01Tnoon",
    ])
    func badDateTimes(text: String) {
        #expect(ContentDate.parse(text, timeZone: london) == nil)
    }

    @Test("a date-time sorts after midnight on the same day")
    func ordering2() throws {
        let midnight = try #require(ContentDate.parse("2026-10-01", timeZone: london))
        let later = try #require(ContentDate.parse("2026-10-01T09:30:00+01:00", timeZone: london))
        #expect(midnight < later)
    }
}
