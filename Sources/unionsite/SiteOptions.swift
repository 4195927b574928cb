import ArgumentParser
import UnionSite

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site's root folder (holding content/).")
    var root: String = "."

    @Option(help: "The build date, YYYY-MM-DD (default: today in the site's time zone).")
    var date: String?

    @Flag(help: "Include draft and future-dated articles.")
    var drafts = false

    func buildDate() throws -> Day? {
        guard let date else { return nil }
        guard let day = Day(date) else { throw ValidationError("--date must be a real date, YYYY-MM-DD, found \(date)") }
        return day
    }
}
