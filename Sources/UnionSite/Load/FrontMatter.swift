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

    /// Reads the text's UTF-8, not its `Character`s: every byte that ends a line or makes a
    /// fence is ASCII, and walking characters to find line ends cost 1 % of a build.
    static func split(_ text: String) -> Result<FrontMatter, Problem> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        if text.allSatisfy(\.isWhitespace) { return .failure(.empty) }
        let utf8 = text.utf8
        guard let firstLineEnd = utf8.firstIndex(where: isLineBreak), isFence(utf8[..<firstLineEnd], closing: false) else {
            return .failure(.missingOpeningFence)
        }
        var lineNumber = 1
        var lineStart = afterLineBreak(at: firstLineEnd, in: utf8)
        let yamlStart = lineStart
        while lineStart < utf8.endIndex {
            lineNumber += 1
            let lineEnd = utf8[lineStart...].firstIndex(where: isLineBreak) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd], closing: true) {
                let bodyStart = lineEnd < utf8.endIndex ? afterLineBreak(at: lineEnd, in: utf8) : lineEnd
                return .success(FrontMatter(
                    yaml: String(text[yamlStart..<lineStart]), yamlFirstLine: 2,
                    body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            lineStart = lineEnd < utf8.endIndex ? afterLineBreak(at: lineEnd, in: utf8) : lineEnd
        }
        return .failure(.missingClosingFence)
    }

    /// Only LF, CR and CRLF end lines, as cmark and editors count them (not U+2028, U+0085 …).
    private static func isLineBreak(_ byte: UInt8) -> Bool { byte == 10 || byte == 13 }

    /// Where the next line starts: after the LF, CR or CRLF at `index`.
    private static func afterLineBreak(at index: String.Index, in utf8: Substring.UTF8View) -> String.Index {
        let next = utf8.index(after: index)
        return utf8[index] == 13 && next < utf8.endIndex && utf8[next] == 10 ? utf8.index(after: next) : next
    }

    /// `---` with optional trailing spaces and tabs.
    private static func isFence(_ line: Substring.UTF8View.SubSequence, closing: Bool) -> Bool {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == 32 || line[line.index(before: end)] == 9 { end = line.index(before: end) }
        let trimmed = line[..<end]
        return trimmed.elementsEqual("---".utf8) || (closing && trimmed.elementsEqual("...".utf8))
    }
}
