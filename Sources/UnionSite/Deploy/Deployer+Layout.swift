import Foundation

// MARK: - The target's layout (releases/ and current), here or over ssh

extension Deployer {

    func ssh(_ script: String, _ arguments: [String], doing what: String) throws(Diagnostics) -> String {
        guard let command = try tools().ssh, let destination = target.sshDestination else { return "" }
        let remote = RemoteShell.script(script, arguments: arguments)
        return try runner.check(command[0], Array(command.dropFirst()) + [destination, remote], doing: what).stdout
    }

    public func readState() throws(Diagnostics) -> State {
        switch target {
        case let .local(path): return try Self.localState(path)
        case let .remote(_, _, path):
            let script = """
                if [ ! -e "$1" ]; then echo missing; exit 0; fi
                if [ ! -d "$1" ]; then echo not-a-folder; exit 0; fi
                cd -- "$1" || exit 1
                echo folder
                if [ -d releases ]; then
                  for f in releases/*; do
                    if [ -d "$f" ] && [ ! -L "$f" ]; then printf 'release %s\\n' "${f#releases/}"; fi
                  done
                fi
                if [ -L current ]; then printf 'current %s\\n' "$(readlink current)"
                elif [ -e current ]; then echo current-not-link; fi
                exit 0
                """
            let output = try ssh(script, [path], doing: "reading \(target)")
            var state = State()
            for line in output.split(separator: "\n").map(String.init) {
                if line == "folder" { state.exists = true }
                if line == "not-a-folder" { throw notAFolder() }
                if line == "current-not-link" { throw currentNotLink() }
                if line.hasPrefix("release "), let id = ReleaseID(String(line.dropFirst(8))) { state.releases.append(id) }
                if line.hasPrefix("current ") { state.currentLink = String(line.dropFirst(8)) }
            }
            state.releases.sort()
            return state
        }
    }

    static func localState(_ path: String) throws(Diagnostics) -> State {
        let fileManager = FileManager.default
        var state = State()
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else { return state }
        guard isDirectory.boolValue else {
            throw .error("the deploy target \(path) is not a folder", at: nil, code: "deploy-target")
        }
        state.exists = true
        let releases = (path as NSString).appendingPathComponent("releases")
        for name in (try? fileManager.contentsOfDirectory(atPath: releases)) ?? [] {
            let full = (releases as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            let isLink = (try? fileManager.destinationOfSymbolicLink(atPath: full)) != nil
            if let id = ReleaseID(name), !isLink, fileManager.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                state.releases.append(id)
            }
        }
        state.releases.sort()
        let current = (path as NSString).appendingPathComponent("current")
        if let link = try? fileManager.destinationOfSymbolicLink(atPath: current) {
            state.currentLink = link
        } else if (try? fileManager.attributesOfItem(atPath: current)) != nil {
            throw Diagnostics.error("\(current) is not a symlink: move it away, then deploy again; nothing was deployed",
                                    at: nil, code: "deploy-current-not-link")
        }
        return state
    }

    func notAFolder() -> Diagnostics {
        .error("the deploy target \(target) is not a folder", at: nil, code: "deploy-target")
    }

    func currentNotLink() -> Diagnostics {
        .error("\(target.rsyncLocation("current")) is not a symlink: move it away, then deploy again; nothing was deployed",
               at: nil, code: "deploy-current-not-link")
    }

    func prepare() throws(Diagnostics) {
        switch target {
        case let .local(path):
            do {
                try FileManager.default.createDirectory(atPath: (path as NSString).appendingPathComponent("releases"),
                                                        withIntermediateDirectories: true)
            } catch {
                throw .error("cannot create \(path)/releases: \(error.localizedDescription)", at: nil, code: "deploy-target")
            }
        case let .remote(_, _, path):
            _ = try ssh(#"mkdir -p -- "$1/releases""#, [path], doing: "creating \(target.rsyncLocation("releases"))")
        }
    }

    /// A new symlink under a temporary name, renamed over `current`: `rename(2)` replaces it
    /// in one step, so there is no moment without a `current`.
    func switchCurrent(to release: ReleaseID) throws(Diagnostics) {
        switch target {
        case let .local(path):
            let current = (path as NSString).appendingPathComponent("current")
            let temporary = current + ".new-\(ProcessInfo.processInfo.processIdentifier)"
            try? FileManager.default.removeItem(atPath: temporary)
            do {
                try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: "releases/\(release.name)")
            } catch {
                throw .error("cannot create the symlink \(temporary): \(error.localizedDescription)", at: nil, code: "deploy-switch")
            }
            guard rename(temporary, current) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporary)
                throw .error("cannot switch \(current) to releases/\(release.name): \(reason)", at: nil, code: "deploy-switch")
            }
        case let .remote(_, _, path):
            _ = try ssh(#"cd -- "$1" && ln -sfn "releases/$2" current.new && mv -T current.new current"#,
                        [path, release.name], doing: "switching \(target.rsyncLocation("current"))")
        }
    }

    func remove(_ releases: [ReleaseID]) throws(Diagnostics) {
        switch target {
        case let .local(path):
            for id in releases {
                let folder = ((path as NSString).appendingPathComponent("releases") as NSString).appendingPathComponent(id.name)
                do {
                    try FileManager.default.removeItem(atPath: folder)
                } catch {
                    throw .error("cannot remove the old release \(folder): \(error.localizedDescription)", at: nil, code: "deploy-prune")
                }
            }
        case let .remote(_, _, path):
            _ = try ssh(#"cd -- "$1/releases" && shift && rm -rf -- "$@""#, [path] + releases.map(\.name),
                        doing: "removing old releases at \(target)")
        }
    }
}
