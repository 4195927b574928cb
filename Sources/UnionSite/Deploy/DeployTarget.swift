import Foundation

/// Where `unionsite deploy` publishes: a local folder or an rsync/SSH destination.
///
/// The rule is rsync's: a target is remote when a `:` comes before any `/`
/// (`user@host:/srv/site`, `host:/srv/site`, `host:site`, `[::1]:/srv/site`). A path that
/// starts with `/` or `.` is always local, whatever it contains (`./a:b`, `/srv/a:b`).
public enum DeployTarget: Hashable, Sendable, CustomStringConvertible {
    /// An absolute local folder.
    case local(path: String)
    /// `destination` is what ssh is given (`user@host`, `host`, `::1`); `path` is the folder
    /// on that host, absolute or relative to the login's home folder.
    case remote(user: String?, host: String, path: String)

    public init(_ text: String, relativeTo base: String = FileManager.default.currentDirectoryPath) throws(Diagnostics) {
        func bad(_ why: String) -> Diagnostics {
            .error("bad deploy target \(text): \(why)", at: nil, code: "deploy-target")
        }
        guard !text.isEmpty else { throw bad("give a folder or user@host:/path") }
        guard !text.contains("\n"), !text.contains("\0") else { throw bad("it contains a line break") }

        if let remote = try Self.remote(text, bad: bad) {
            self = remote
            return
        }
        let absolute = text.hasPrefix("/") ? text : (base.hasSuffix("/") ? base : base + "/") + text
        var path = URL(fileURLWithPath: absolute).standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard path != "/" else { throw bad("refusing to deploy into /") }
        self = .local(path: path)
    }

    /// `nil` when `text` is a local path.
    private static func remote(_ text: String, bad: (String) -> Diagnostics) throws(Diagnostics) -> DeployTarget? {
        if text.hasPrefix("/") || text.hasPrefix(".") { return nil }
        if text.hasPrefix("rsync://") { throw bad("rsync daemons are not supported; use user@host:/path (over SSH)") }
        // No `:` before the first `/`: a local path (`site`, `a/b:c`, `a@b/c`).
        guard let firstColon = text.firstIndex(of: ":"), !text[..<firstColon].contains("/") else { return nil }

        var rest = Substring(text)
        var user: String?
        // The login: everything before the last `@` ahead of the host part.
        let hostEnd: String.Index?
        if let at = rest.firstIndex(of: "@"), !rest[..<at].contains("/"), !rest[..<at].contains(":") {
            let login = String(rest[..<at])
            guard !login.isEmpty else { throw bad("the user name before @ is empty") }
            guard login.allSatisfy(isLoginCharacter) else { throw bad("the user name \(login) has characters ssh would not accept") }
            user = login
            rest = rest[rest.index(after: at)...]
        }
        let host: String
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else { throw bad("an IPv6 address in [ ] is not closed") }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest.index(after: close)
            guard after < rest.endIndex, rest[after] == ":" else { throw bad("put :/path after the address in [ ]") }
            hostEnd = after
        } else {
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            host = String(rest[..<colon])
            hostEnd = colon
        }
        guard let hostEnd else { return nil }
        guard !host.isEmpty else { throw bad("the host before : is empty") }
        guard !host.hasPrefix("-") else { throw bad("the host cannot start with -") }
        guard host.allSatisfy(isHostCharacter) else { throw bad("the host \(host) has characters a host name cannot have") }

        var path = String(rest[rest.index(after: hostEnd)...])
        if path.hasPrefix(":") { throw bad("host::module (an rsync daemon) is not supported; use host:/path") }
        if path == "~" { path = "" }
        if path.hasPrefix("~/") { path = String(path.dropFirst(2)) }  // the home folder: ssh and rsync start there
        if path.hasPrefix("~") { throw bad("~user paths are not supported; give the full path") }
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard !path.isEmpty else { throw bad("give a folder after the colon (host:/srv/site)") }
        guard path != "/" else { throw bad("refusing to deploy into /") }
        return .remote(user: user, host: host, path: path)
    }

    private static func isLoginCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || "._-+".contains(c))
    }

    private static func isHostCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || ".-_:%".contains(c))
    }

    public var isRemote: Bool {
        if case .remote = self { return true }
        return false
    }

    /// What ssh connects to: `user@host` or `host`.
    public var sshDestination: String? {
        guard case let .remote(user, host, _) = self else { return nil }
        return user.map { "\($0)@\(host)" } ?? host
    }

    /// The folder holding `releases/` and `current`, as a path on its own host.
    public var path: String {
        switch self {
        case let .local(path): return path
        case let .remote(_, _, path): return path
        }
    }

    /// `path` inside the target, written the way rsync takes a destination
    /// (`user@host:/srv/site/releases/x/`, `[::1]:/srv/site/`).
    public func rsyncLocation(_ relative: String) -> String {
        let joined = relative.isEmpty ? path : (path.hasSuffix("/") ? path : path + "/") + relative
        switch self {
        case .local: return joined
        case let .remote(user, host, _):
            let h = host.contains(":") ? "[\(host)]" : host
            return (user.map { "\($0)@" } ?? "") + h + ":" + joined
        }
    }

    public var description: String { rsyncLocation("") }
}
