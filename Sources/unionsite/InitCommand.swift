import ArgumentParser
import UnionSite

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Start a new site: a small complete site to build on, in DIR (default: here).")

    @Argument(help: "The folder for the site; made if missing, refused if it already has content/.")
    var dir: String = "."

    @Option(help: "The site's title.")
    var title: String = SiteInit.defaultTitle

    @Option(name: .customLong("base-url"), help: "Where the site will be published.")
    var baseURL: String = SiteInit.defaultBaseURL

    func run() throws {
        let files = try DiagnosticPrinter.reporting { try SiteInit.create(in: dir, title: title, baseURL: baseURL) }
        print("Started a site in \(dir): \(files.count) files.")
        let root = dir == "." ? "" : " --root \(dir)"
        print("Next: unionsite serve\(root)    (preview at http://127.0.0.1:8000/, rebuilt on every save)")
        print("      unionsite theme eject layout\(root)    (copy a template into templates/ to restyle it)")
    }
}
