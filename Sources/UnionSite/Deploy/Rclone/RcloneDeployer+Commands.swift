import Foundation

// MARK: - Running rclone, and what its errors say

extension RcloneDeployer {
    /// Uploads `paths` (relative to `source`) into `destination`; nothing when empty.
    /// Tried a second time (by rclone) when it fails, so one passing
    /// error does not stop a deploy.
    func copy(_ paths: [String], from source: String, to destination: String, _ rclone: String) throws(Diagnostics) {
        guard !paths.isEmpty else { return }
        try withList(paths) { list throws(Diagnostics) in
            try run(rclone, ["copy", source, destination, "--files-from-raw", list, "--no-check-dest", "--no-traverse",
                             "--retries", "2", "--retries-sleep", "1s"], doing: "uploading to \(remote)")
        }
    }

    static func firstLine(_ error: Diagnostics) -> String {
        String(error.items.first?.message.prefix(200) ?? "")
    }

    func locate() throws(Diagnostics) -> String {
        try runner.locate("rclone", package: "rclone")
    }

    /// One entry of `rclone lsjson`.
    struct Entry: Decodable {
        let Path: String
        let Size: Int
        let Hashes: [String: String]?
    }

    /// Every file under a location, recursively; an absent folder is empty when `missingIsEmpty`.
    func listing(_ rclone: String, _ arguments: [String], doing what: String, missingIsEmpty: Bool) throws(Diagnostics) -> [Entry] {
        let output = try runner.run(rclone, ["lsjson", "-R", "--files-only", "--no-modtime", "--no-mimetype"] + arguments + Self.commonFlags)
        // Exit status 3 is rclone's "directory not found": a first deploy into a new folder.
        // Not every backend says so (FTP answers 501 or 550): then the parent is asked.
        if output.status == 3 && missingIsEmpty { return [] }
        if output.status != 0 && missingIsEmpty && isAbsent(rclone) { return [] }
        guard output.status == 0 else { throw failure(what, output, stage: .reading) }
        do {
            return try JSONDecoder().decode([Entry].self, from: Data(output.stdout.utf8))
        } catch {
            throw .error("\(what): cannot read rclone's listing (\(error.localizedDescription))", at: nil, code: "deploy-command")
        }
    }

    /// Whether the target folder does not exist: some folder above it lists without it.
    func isAbsent(_ rclone: String) -> Bool {
        let absolute = remote.path.hasPrefix("/")
        let parts = remote.path.split(separator: "/").map(String.init)
        for depth in stride(from: parts.count - 1, through: 0, by: -1) {
            let parent = remote.name + ":" + (absolute ? "/" : "") + parts[..<depth].joined(separator: "/")
            guard let output = try? runner.run(rclone, ["lsf", "--dirs-only", parent] + Self.commonFlags),
                  output.status == 0 else { continue }
            return !output.stdout.split(separator: "\n").contains(Substring(parts[depth] + "/"))
        }
        return false
    }

    func writeManifest(_ manifest: DeployManifest, _ rclone: String) throws(Diagnostics) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-manifest-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try manifest.encoded().write(to: file)
        } catch {
            throw .error("cannot write \(file.path): \(error.localizedDescription)", at: nil, code: "deploy-command")
        }
        try run(rclone, ["copyto", file.path, remote.location(DeployManifest.fileName), "--no-check-dest"],
                doing: "uploading \(DeployManifest.fileName) to \(remote)")
    }

    /// `body` given a file listing `paths`, one a line, for `--files-from-raw`.
    func withList(_ paths: [String], _ body: (String) throws(Diagnostics) -> Void) throws(Diagnostics) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-files-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do {
            try Data((paths.joined(separator: "\n") + "\n").utf8).write(to: file)
        } catch {
            throw .error("cannot write \(file.path): \(error.localizedDescription)", at: nil, code: "deploy-command")
        }
        try body(file.path)
    }

    @discardableResult
    func run(_ rclone: String, _ arguments: [String], doing what: String, stage: Stage = .uploading) throws(Diagnostics) -> CommandRunner.Output {
        // The common flags right after the command, so the command's own flags come later and win.
        let output = try runner.run(rclone, Array(arguments.prefix(1)) + Self.commonFlags + arguments.dropFirst())
        guard output.status == 0 else { throw failure(what, output, stage: stage) }
        return output
    }

    /// rclone's own error lines, without their time stamps and with secrets masked, after
    /// what was being done: `uploading to rclone:site:www failed: about/index.html: Failed to copy: …`.
    /// What a failure leaves behind, said after rclone's error.
    enum Stage {
        case reading, uploading, deleting

        var outcome: String {
            switch self {
            case .reading: return "; nothing was changed"
            case .uploading: return "; the files sent so far are in place and nothing was deleted yet: rerun the deploy to finish the job"
            case .deleting: return "; every file of the build is in place: rerun the deploy to finish deleting"
            }
        }
    }

    func failure(_ what: String, _ output: CommandRunner.Output, stage: Stage) -> Diagnostics {
        if output.stderr.contains("didn't find section in config file") {
            let environment = remote.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                ? "or set RCLONE_CONFIG_\(remote.name.uppercased())_TYPE and its options in the environment"
                : "or define one in the environment under a name of letters, digits and _ (RCLONE_CONFIG_NAME_TYPE …)"
            return .error("there is no rclone remote named \(remote.name) (for \(remote)): add it with `rclone config`, "
                          + environment + "; nothing was changed", at: nil, code: "deploy-rclone")
        }
        return .error("\(what) failed (rclone exited with status \(output.status)): \(Self.errorSummary(output.stderr))" + stage.outcome,
                      at: nil, code: "deploy-rclone")
    }

    /// The distinct error lines rclone printed, at most eight, joined with `; `.
    static func errorSummary(_ stderr: String) -> String {
        var seen: [String] = []
        for raw in stderr.split(whereSeparator: \.isNewline) {
            var line = Substring(raw)
            // `2026/12/06 00:33:55 ERROR : path: message` → `path: message`
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            if words.count == 3, words[0].count == 10, words[0].filter({ $0 == "/" }).count == 2, words[1].contains(":"),
               words[0].first?.isNumber == true {
                line = words[2]
            }
            for level in ["ERROR : ", "NOTICE: ", "CRITICAL: ", "INFO  : "] where line.hasPrefix(level) {
                line = line.dropFirst(level.count)
            }
            if line.hasPrefix("Config file ") && line.contains("not found - using defaults") { continue }
            if line.hasPrefix(": ") { line = line.dropFirst(2) }
            let text = RcloneRemote.redact(line.trimmingCharacters(in: .whitespaces))
            if !text.isEmpty && !seen.contains(text) { seen.append(text) }
        }
        guard !seen.isEmpty else { return "no error message" }
        return seen.prefix(8).joined(separator: "; ") + (seen.count > 8 ? "; … (\(seen.count - 8) more)" : "")
    }
}
