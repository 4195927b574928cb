/// One problem found in a site, with where it is and how bad it is.
///
/// `description` is the only formatter: `path:line:column: error: message`,
/// the shape compilers use, so editors and CI can jump to the line.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String
    /// A short stable name for the kind of problem (`link-missing-file`), for `--format json`
    /// and for switching warnings off in `site.yaml`.
    public var code: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, code: String = "") {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public static func error(_ message: String, at location: SourceLocation?, code: String = "") -> Diagnostic {
        Diagnostic(.error, message, at: location, code: code)
    }

    public static func warning(_ message: String, at location: SourceLocation?, code: String = "") -> Diagnostic {
        Diagnostic(.warning, message, at: location, code: code)
    }

    /// Always one line: line breaks in a quoted value are shown as `\n`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? "unionsite: "
        return "\(prefix)\(severity.rawValue): \(Self.oneLine(message))"
    }

    static func oneLine(_ text: String) -> String {
        // Nearly every message is one line already: Foundation is asked only when there is a break.
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\\n").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\n")
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return true
        case (_?, nil): return false
        default: return (a.severity, a.message) < (b.severity, b.message)
        }
    }
}
extension Diagnostic: Error {}
