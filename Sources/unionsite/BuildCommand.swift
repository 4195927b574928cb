import ArgumentParser
import Foundation
import UnionSite

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "build", abstract: "Build the site into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <root>/public).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Publish at this URL instead of site.yaml's base_url.")
    var baseURL: String?

    func run() throws {
        let result = try DiagnosticPrinter.reporting {
            let root = try SiteRoot(root: site.root, output: output)
            var options = Build.Options(root: root, model: .init(buildDate: try site.buildDate(), includeDrafts: site.drafts, baseURL: baseURL))
            options.exitsAfterBuild = true
            // The outcome goes to <root>/.unionsite/last-build.json: `deploy` publishes only a build that succeeded.
            do {
                let build = try Build.run(options)
                return (build, root, BuildRecord.record(.ok, root: root))
            } catch {
                BuildRecord.record(.failed, root: root)
                throw error
            }
        }
        let (build, root, recordProblem) = result
        DiagnosticPrinter.print(build.warnings + (recordProblem.map { [$0] } ?? []))
        print("Wrote \(build.summary.pages) pages (\(build.summary.files) files) to \(root.relativePath(root.output)) in \(String(format: "%.2f", build.seconds)) s")
    }
}
