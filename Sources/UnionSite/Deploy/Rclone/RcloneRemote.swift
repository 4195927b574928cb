import Foundation

/// `rclone:REMOTE:PATH`, the deploy target for hosts without a shell: whatever follows
/// `rclone:` is an rclone location, handed to rclone as it is.
///
/// - a named remote from the user's rclone configuration (or from `RCLONE_CONFIG_<NAME>_…`
///   environment variables): `rclone:members-ftp:public_html`;
/// - an on-the-fly remote, a backend and its options: `rclone::sftp,host=example.org,user=me:www`.
///
/// Credentials belong in rclone's configuration or environment (`RCLONE_SFTP_PASS`,
/// `RCLONE_CONFIG_<NAME>_PASS`), not here; should an option carry one anyway (`pass=…`,
/// `secret_access_key=…`), `description` shows it as `***` so no log line repeats it.
public struct RcloneRemote: Hashable, Sendable, CustomStringConvertible {
    public static let prefix = "rclone:"

    /// The rclone location (`members-ftp:public_html`), without `rclone:`.
    public let location: String
    /// The remote's name, or the backend (`:sftp`) for an on-the-fly remote.
    public let name: String
    /// The folder on the remote (`public_html`, `bucket/site`).
    public let path: String

    /// Whether `text` asks for rclone at all (`rclone:…`).
    public static func isRclone(_ text: String) -> Bool { text.hasPrefix(prefix) }

    public init(_ text: String) throws(Diagnostics) {
        func bad(_ why: String) -> Diagnostics {
            .error("bad deploy target \(Self.redact(text)): \(why)", at: nil, code: "deploy-target")
        }
        guard text.hasPrefix(Self.prefix) else { throw bad("an rclone target starts with rclone:") }
        let location = String(text.dropFirst(Self.prefix.count))
        guard !location.contains("\n"), !location.contains("\0") else { throw bad("it contains a line break") }
        guard !location.isEmpty else { throw bad("give rclone:REMOTE:PATH, e.g. rclone:members-ftp:public_html") }
        guard let end = Self.endOfRemote(location) else {
            throw bad("give rclone:REMOTE:PATH (a remote from `rclone config`, or :sftp,host=…:path); a local folder needs no rclone")
        }
        let name = String(location[..<end])
        guard !name.isEmpty, name != ":" else { throw bad("the remote's name before : is empty") }
        guard !name.hasPrefix("-") else { throw bad("the remote cannot start with -") }
        if !name.hasPrefix(":") {
            guard name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.+@ ".contains($0) }), !name.contains("/") else {
                throw bad("\(name) is not a remote name (letters, digits, _ - . + @ and spaces)")
            }
        }
        var path = String(location[location.index(after: end)...])
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        guard !path.isEmpty else { throw bad("give a folder after the remote (\(Self.redact(name)):public_html): deploying into a remote's root is refused") }
        guard path != "/" else { throw bad("refusing to deploy into /") }
        self.name = name
        self.path = path
        self.location = name + ":" + path
    }

    /// The `:` that ends the remote: the first one for a named remote, and for an on-the-fly
    /// one the first outside quotes after its options (`:webdav,url='http://h:8080':site`).
    static func endOfRemote(_ location: String) -> String.Index? {
        guard location.hasPrefix(":") else { return location.firstIndex(of: ":") }
        var quote: Character?
        var index = location.index(after: location.startIndex)
        while index < location.endIndex {
            let c = location[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == ":" {
                return index
            }
            index = location.index(after: index)
        }
        return nil
    }

    /// `relative` inside the target folder, as rclone takes it (`members-ftp:public_html/about/`).
    public func location(_ relative: String) -> String {
        relative.isEmpty ? location : location + "/" + relative
    }

    /// A hidden folder beside the target (`public_html` → `.public_html.unionsite-upload`) where
    /// uploads wait before they are renamed into place: inside the target, rclone would
    /// refuse to move files between overlapping folders.
    public var stagingLocation: String {
        let absolute = path.hasPrefix("/")
        var parts = path.split(separator: "/").map(String.init)
        let leaf = parts.popLast() ?? path
        let parent = parts.joined(separator: "/")
        let folder = ".\(leaf).unionsite-upload"
        return name + ":" + (absolute ? "/" : "") + (parent.isEmpty ? folder : parent + "/" + folder)
    }

    /// `rclone:` and the location, with secrets in on-the-fly options shown as `***`.
    public var description: String { Self.redact(Self.prefix + location) }

    /// Option values whose key names a secret (`pass`, `password`, `secret_access_key`,
    /// `key`, `token`, `bearer_token`…) replaced by `***`.
    public static func redact(_ text: String) -> String {
        let secretWords = ["pass", "secret", "key", "token", "session"]
        var result = ""
        var rest = Substring(text)
        // Options are `,name=value` (the value may be quoted) inside an on-the-fly remote.
        while let comma = rest.firstIndex(of: ",") {
            result += rest[...comma]
            rest = rest[rest.index(after: comma)...]
            guard let equals = rest.firstIndex(of: "="), !rest[..<equals].contains(where: { ",:'\"".contains($0) }) else { continue }
            let key = rest[..<equals].lowercased()
            guard secretWords.contains(where: key.contains) else { continue }
            result += rest[...equals] + "***"
            var index = rest.index(after: equals)
            var quote: Character?
            while index < rest.endIndex {
                let c = rest[index]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == "'" || c == "\"" {
                    quote = c
                } else if c == "," || c == ":" {
                    break
                }
                index = rest.index(after: index)
            }
            rest = rest[index...]
        }
        return result + rest
    }
}
