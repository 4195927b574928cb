/// Every problem a stage found, thrown together so authors fix them all in one go
/// instead of one per build.
public struct Diagnostics: Error, Sendable, CustomStringConvertible {
    public var items: [Diagnostic]

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public var errors: [Diagnostic] { items.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { items.filter { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// Sorted by file, line and column, duplicates removed: the order they are printed in.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }

    public var description: String { sorted.map(\.description).joined(separator: "\n") }

    mutating func append(_ d: Diagnostic) { items.append(d) }
    mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    static func error(_ message: String, at location: SourceLocation?, code: String = "") -> Diagnostics {
        Diagnostics([.error(message, at: location, code: code)])
    }

    /// Throws the collected problems if any is an error; warnings alone pass.
    func throwIfErrors() throws(Diagnostics) {
        if hasErrors { throw self }
    }
}
