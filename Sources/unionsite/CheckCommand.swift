import ArgumentParser
import UnionSite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Check content, links, glossary, vacancies and templates; write nothing.")

    @OptionGroup var site: SiteOptions

    @Flag(help: "Exit non-zero when there are warnings.")
    var warningsAsErrors = false

    func run() throws {
        let rendered = try DiagnosticPrinter.reporting {
            let root = try SiteRoot(root: site.root)
            return try Build.render(Build.Options(root: root, model: .init(buildDate: try site.buildDate(), includeDrafts: site.drafts)))
        }
        DiagnosticPrinter.print(rendered.warnings)
        if warningsAsErrors && !rendered.warnings.isEmpty { throw ExitCode.failure }
        print("No errors: \(rendered.pageCount) pages would be written.")
    }
}
