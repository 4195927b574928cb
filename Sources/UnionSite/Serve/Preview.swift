import FlyingFox
import Foundation

/// `unionsite serve`: build into memory, serve it, watch the sources, rebuild and reload.
public enum Preview {
    public struct Options: Sendable {
        public var build: Build.Options
        public var host: String
        public var port: UInt16

        public init(build: Build.Options, host: String = "127.0.0.1", port: UInt16 = 8000) {
            self.build = build
            self.host = host
            self.port = port
        }
    }

    /// Runs until the task is cancelled. `ready` receives the URL to open.
    public static func run(_ options: Options, log: @escaping @Sendable (String) -> Void,
                           ready: @escaping @Sendable (String) -> Void) async throws {
        let state = PreviewState()
        let rebuilder = Rebuilder(options: options.build, state: state, log: log)
        await rebuilder.buildNow()
        let server = PreviewServer(state: state)
        let http = try server.makeServer(host: options.host, port: options.port)
        await server.install(on: http)
        let root = options.build.root
        // The root is watched shallowly, to notice content/ or templates/ appearing.
        let watcher = ChangeWatcher(folders: [root.content, root.templates], shallow: [root.root]) { paths in
            let relevant = paths.filter { $0.hasPrefix(root.content.path) || $0.hasPrefix(root.templates.path) }
            if !relevant.isEmpty { rebuilder.changed(relevant) }
        }
        defer { watcher?.stop() }
        try await withTaskCancellationHandler {
            async let running: Void = http.run()
            try await http.waitUntilListening()
            let basePath = await state.basePath
            if let address = await http.listeningAddress, case .ip4(let ip, let port) = address {
                ready("http://\(ip):\(port)\(basePath)")
            } else if let address = await http.listeningAddress, case .ip6(let ip, let port) = address {
                ready("http://[\(ip)]:\(port)\(basePath)")
            }
            do {
                try await running
            } catch where Task.isCancelled {
                // Stopped by Ctrl-C: the server's own cancellation error is the expected end.
            }
        } onCancel: {
            Task { await http.stop(timeout: 1) }
        }
    }
}
