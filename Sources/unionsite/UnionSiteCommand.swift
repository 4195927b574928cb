import ArgumentParser
import UnionSite

/// `unionsite`: builds, checks and previews trade-union guidance sites.
@main
struct UnionSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unionsite",
        abstract: "A static site generator for trade-union guidance sites.",
        version: Version.description,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, InitCommand.self,
                      ThemeCommand.self, DeployCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
