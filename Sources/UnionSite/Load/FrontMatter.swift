/// Splits a Markdown source into its YAML front matter and its body.
///
/// Front matter sits between a first line `---` and the next line that is `---` (or `...`).
/// The body's first line number is kept so that cmark's line numbers, which count from the
/// body, can be turned back into the file's own lines.
struct FrontMatter: Sendable, Equatable {
    /// The YAML text between the fences.
    let yaml: String
    /// The file line the YAML starts on (2, after the opening fence).
    let yamlFirstLine: Int
    let body: String
    /// The file line the body starts on.
    let bodyFirstLine: Int

    enum Problem: Error, Equatable {
        case empty, missingOpeningFence, missingClosingFence
    }

    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        guard let firstLineEnd = text.firstIndex(where: Self.isLineBreak), isFence(text[..<firstLineEnd], closing: false) else {
            return .failure(.missingOpeningFence)
        }
        var lineNumber = 1
        var lineStart = text.index(after: firstLineEnd)
        let yamlStart = lineStart
        while lineStart < text.endIndex {
            lineNumber += 1
            let lineEnd = text[lineStart...].firstIndex(where: Self.isLineBreak) ?? text.endIndex
            if isFence(text[lineStart..<lineEnd], closing: true) {
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<lineStart]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : lineEnd
        }
        return .failure(.missingClosingFence)
    }

    /// Only LF, CR and CRLF end lines, as cmark and editors count them (not U+2028, U+0085 …).
    static func isLineBreak(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

    /// `---` with optional trailing spaces; `\r\n` is one Character, so CRLF files need no care.
    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingSpaces
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
