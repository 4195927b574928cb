import ArgumentParser
import Foundation
import UnionSite

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Preview the site in a browser, rebuilding and reloading as you edit.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. Keep 127.0.0.1 unless others must reach it.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    func run() async throws {
        let options = try DiagnosticPrinter.reporting {
            let root = try SiteRoot(root: site.root)
            return Preview.Options(build: Build.Options(root: root, model: .init(buildDate: try site.buildDate(), includeDrafts: site.drafts)),
                                   host: host, port: port)
        }
        let task = Task {
            try await Preview.run(options, log: { line in Console.line(line) }, ready: { url in
                Console.line("Serving the site at \(url) — press Ctrl-C to stop")
            })
        }
        let interrupt = Interrupt { task.cancel() }
        defer { interrupt.cancel() }
        do {
            try await task.value
        } catch is CancellationError {
        } catch {
            FileHandle.standardError.write(Data("unionsite: cannot serve: \(error)\n".utf8))
            throw ExitCode.failure
        }
        Console.line("Stopped.")
    }
}

/// One line at a time to standard output, flushed, so logs read well in any terminal.
enum Console {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// Ctrl-C (SIGINT) and SIGTERM stop the server cleanly instead of killing it mid-write.
final class Interrupt: @unchecked Sendable {
    private let sources: [DispatchSourceSignal]

    init(_ handler: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    func cancel() { sources.forEach { $0.cancel() } }
}
