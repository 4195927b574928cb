/// A text file read from the site, with the path authors know it by.
public struct SourceFile: Sendable, Hashable {
    /// Relative to the site root: `content/articles/pay.md`.
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    func location(line: Int = 1, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}
