import ArgumentParser

/// `unionsite`: builds, checks and previews trade-union guidance sites.
@main
struct UnionSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unionsite",
        abstract: "A static site generator for trade-union guidance sites.",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, DeployCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
