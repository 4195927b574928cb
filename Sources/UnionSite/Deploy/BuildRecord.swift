import Foundation

/// The outcome of the last `unionsite build`, kept in `<root>/.unionsite/last-build.json`
/// so `deploy` publishes only a site that built: `{"status": "ok", "output": "/abs/public",
/// "date": "2026-11-29T10:09:00Z"}` (`date` is when the build finished, UTC).
public struct BuildRecord: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case ok, failed }

    public var status: Status
    public var output: String
    public var date: String

    public init(status: Status, output: String, date: Date = Date()) {
        self.status = status
        self.output = output
        self.date = Self.format(date)
    }

    public static func file(in root: SiteRoot) -> URL { file(inRoot: root.root) }

    public static func file(inRoot root: URL) -> URL {
        root.appendingPathComponent(".unionsite").appendingPathComponent("last-build.json")
    }

    /// Writes the record; returns a warning instead of failing the build when it cannot.
    @discardableResult
    public static func record(_ status: Status, root: SiteRoot, date: Date = Date()) -> Diagnostic? {
        let record = BuildRecord(status: status, output: root.output.path, date: date)
        let url = file(in: root)
        do {
            try record.write(to: url)
            return nil
        } catch {
            return .warning("cannot record the build outcome in \(root.relativePath(url)) (deploy needs it): \(error.localizedDescription)",
                            at: nil, code: "build-record")
        }
    }

    public func write(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        try data.write(to: url, options: .atomic)
    }

    /// The record for `root`; throws the diagnostic `deploy` prints when there is none.
    public static func read(root: URL) throws(Diagnostics) -> BuildRecord {
        let url = file(inRoot: root)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .error("no build found in \(root.path) (\(url.path) is missing): build the site first; nothing was deployed",
                         at: nil, code: "deploy-no-build")
        }
        do {
            return try JSONDecoder().decode(BuildRecord.self, from: data)
        } catch {
            throw .error("cannot read \(url.path): build the site again; nothing was deployed", at: nil, code: "deploy-no-build")
        }
    }

    static func format(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
