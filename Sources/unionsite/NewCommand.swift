import ArgumentParser
import UnionSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a new article, guide chapter, principle document, page or vacancy.")

    @Argument(help: "What to create: article, guide, principle, page or vacancy.")
    var kind: NewContent.Kind

    @Argument(help: "Its title.")
    var title: String

    @Option(help: "The site's root folder.")
    var root: String = "."

    @Option(help: "The date to put in it, YYYY-MM-DD (default: today).")
    var date: String?

    @Option(help: "Start a translation into this language (one of site.yaml's languages) from the original the title names.")
    var lang: String?

    func run() throws {
        let path = try DiagnosticPrinter.reporting {
            let siteRoot = try SiteRoot(root: root)
            let day = try date.map { text in
                guard let day = Day(text) else { throw ValidationError("--date must be a real date, YYYY-MM-DD") }
                return day
            }
            if let lang { return try NewContent.translation(kind, title: title, language: lang, in: siteRoot) }
            return try NewContent.create(kind, title: title, in: siteRoot, date: day)
        }
        print("Created \(path)")
    }
}

extension NewContent.Kind: ExpressibleByArgument {}
