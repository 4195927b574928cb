import ArgumentParser
import UnionSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check content, links, glossary, vacancies and templates; write nothing.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var site: SiteOptions

    @Option(help: "text (path:line:column: severity: message) or json (one JSON object a line).")
    var format: Format = .text

    @Flag(help: "Exit non-zero when there are warnings.")
    var warningsAsErrors = false

    @Flag(help: "List every page due for review (review_by in the past), earliest first.")
    var stale = false

    @Flag(help: "List every page that has no version in one of site.yaml's further languages.")
    var translations = false

    func run() throws {
        let printer = DiagnosticPrinter(format: format == .json ? .json : .text)
        let rendered = try printer.reporting {
            let root = try SiteRoot(root: site.root)
            return try Build.render(Build.Options(root: root, model: .init(buildDate: try site.buildDate(), includeDrafts: site.drafts)))
        }
        printer.print(rendered.warnings)
        if stale { printStale(rendered.site) }
        if translations { printMissingTranslations(rendered.site) }
        if warningsAsErrors && !rendered.warnings.isEmpty { throw ExitCode.failure }
        if format == .text {
            let count = rendered.warnings.count
            print("No errors\(count > 0 ? ", \(count) warning\(count == 1 ? "" : "s")" : ""): \(rendered.pageCount) pages would be written.")
        }
    }

    private func printMissingTranslations(_ rendered: RenderedSite) {
        if rendered.missingTranslations.isEmpty { print("Every page has a version in every language.") }
        for missing in rendered.missingTranslations {
            print("\(missing.location.path): no \(missing.language) version: \(missing.title)")
        }
    }

    /// The model decided which pages are due, against the build day (today in the site's time
    /// zone unless `--date` says otherwise).
    private func printStale(_ rendered: RenderedSite) {
        if rendered.reviewsDue.isEmpty { print("No page is due for review on \(rendered.buildDate).") }
        for review in rendered.reviewsDue {
            print("\(review.location.path): due for review since \(review.reviewBy): \(review.title)")
        }
    }
}
