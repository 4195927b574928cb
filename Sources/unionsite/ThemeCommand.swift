import ArgumentParser
import UnionSite

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "List the built-in theme's files, or copy them into templates/ to edit.",
        subcommands: [List.self, Eject.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every built-in template and asset, with what it renders.")

        func run() {
            let width = ThemeFiles.fileNames.map(\.count).max() ?? 0
            for name in ThemeFiles.fileNames {
                print(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + (ThemeCatalog.descriptions[name] ?? ""))
            }
        }
    }

    struct Eject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy built-in files into <root>/templates/ for editing; an existing file is never overwritten.")

        @Argument(help: "Files to copy (`layout`, `layout.mustache`, `site.css`); see `unionsite theme list`.")
        var names: [String] = []

        @Flag(help: "Copy every built-in file.")
        var all = false

        @Option(help: "The site's root folder (holding content/).")
        var root: String = "."

        func validate() throws {
            if all == !names.isEmpty { throw ValidationError("name the files to eject, or pass --all (not both)") }
        }

        func run() throws {
            let results = try DiagnosticPrinter.reporting {
                try ThemeCatalog.eject(all ? ThemeFiles.fileNames : names, root: try SiteRoot(root: root))
            }
            for result in results {
                print(result.written ? "Wrote \(result.path)" : "Kept \(result.path): it already exists (not overwritten)")
            }
        }
    }
}
