import Foundation

/// Runs rsync and ssh: an executable and an argument array, never a local shell string.
/// A missing program or a failing run becomes a `Diagnostics` with the program's own
/// error output, never a stack trace.
public struct CommandRunner: Sendable {
    public struct Output: Sendable {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The folders searched for programs, from `PATH`.
    public var searchPath: [String]

    public init(searchPath: [String]? = nil) {
        self.searchPath = searchPath ?? (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
            .split(separator: ":").map(String.init)
    }

    /// The full path of `program`, or a diagnostic naming the Debian package to install.
    public func locate(_ program: String, package: String) throws(Diagnostics) -> String {
        let fileManager = FileManager.default
        if program.contains("/") {
            if fileManager.isExecutableFile(atPath: program) { return program }
        } else {
            for folder in searchPath where !folder.isEmpty {
                let candidate = (folder as NSString).appendingPathComponent(program)
                if fileManager.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        throw .error("\(program) is not installed or not on PATH (Debian: apt-get install \(package)); nothing was deployed",
                     at: nil, code: "deploy-missing-tool")
    }

    /// Runs to the end and returns what it printed, whatever its exit status.
    public func run(_ executable: String, _ arguments: [String]) throws(Diagnostics) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .error("cannot run \(executable): \(error.localizedDescription)", at: nil, code: "deploy-command")
        }
        // Both pipes are drained at once so a chatty program never blocks on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        for (pipe, isError) in [(out, false), (err, true)] {
            group.enter()
            DispatchQueue.global().async {
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                collected.set(data, error: isError)
                group.leave()
            }
        }
        group.wait()
        process.waitUntilExit()
        let (stdout, stderr) = collected.values
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs and throws when the exit status is not 0; `what` says what was being done.
    @discardableResult
    public func check(_ executable: String, _ arguments: [String], doing what: String) throws(Diagnostics) -> Output {
        let output = try run(executable, arguments)
        guard output.status == 0 else {
            let program = (executable as NSString).lastPathComponent
            let detail = output.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = detail.isEmpty ? "" : ":\n" + detail
            throw .error("\(what) failed: \(program) exited with status \(output.status)\(reason)", at: nil, code: "deploy-command")
        }
        return output
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()

        func set(_ data: Data, error: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if error { err = data } else { out = data }
        }

        var values: (Data, Data) {
            lock.lock()
            defer { lock.unlock() }
            return (out, err)
        }
    }
}
