/// The words the theme prints around an author's content, in one place (a second language
/// adds a table of its own).
struct ThemeStrings: Sendable {
    static let english = ThemeStrings()

    func alertTitle(_ kind: AlertSyntax.Kind) -> String {
        switch kind {
        case .note: "Note"
        case .tip: "Tip"
        case .important: "Important"
        case .warning: "Warning"
        case .caution: "Caution"
        }
    }

    let footnotes = "Footnotes"

    /// A footnote reference's visible text: it says what it is, not a bare number.
    func footnoteReference(_ number: Int) -> String { "[footnote \(number)]" }

    /// The link from a note back to one of its references.
    func backToReference(_ occurrence: Int, of count: Int) -> String {
        count == 1 ? "Back to text" : "Back to reference \(occurrence)"
    }

    /// The name of a table with neither caption nor heading above it.
    func table(_ number: Int) -> String { "Table \(number)" }
}
