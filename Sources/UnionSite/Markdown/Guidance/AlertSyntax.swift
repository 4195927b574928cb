import Ccmark

/// GitHub's alerts: a block quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]`, at the top level of a body. Notes, tips and important points
/// become a GOV.UK-style inset with a visible title; warnings and cautions GOV.UK warning text,
/// whose word ("Warning") is in the text, not carried by colour or an icon alone.
enum AlertSyntax {
    enum Kind: String, CaseIterable {
        case note, tip, important, warning, caution

        var isWarning: Bool { self == .warning || self == .caution }

        /// - Parameter title: the title in the page's language, HTML-escaped (`GuidanceMarkup`).
        func enter(_ title: String) -> String {
            if isWarning {
                return "<div class=\"alert alert-warning\" role=\"note\">\n<p class=\"alert-title\"><span class=\"alert-icon\" aria-hidden=\"true\">!</span> \(title)</p>"
            }
            return "<div class=\"alert alert-\(rawValue)\" role=\"note\">\n<p class=\"alert-title\">\(title)</p>"
        }
    }

    /// - Parameter quotes: the document's block quotes, in order (`GuidanceSyntax` gathers them
    ///   in the walk that also finds tables).
    /// - Parameter allowed: false inside a footnote: a marker there is only reported.
    static func apply(_ quotes: [MarkdownNode], in document: MarkdownDocument, allowed: Bool) {
        for quote in quotes {
            guard let marker = Marker(quote, in: document) else { continue }
            let location = document.location(line: quote.startLine, column: marker.column)
            guard allowed, quote.parent?.pointer == document.root else {
                document.problems.append(.warning("`[!\(marker.word)]` makes an alert only at the top level of a page, not inside a list, quotation or footnote: this stays a quotation",
                                                  at: location, code: "alert-placement"))
                continue
            }
            guard let kind = Kind(rawValue: marker.word.lowercased()) else {
                document.problems.append(.error("unknown alert type `[!\(marker.word)]`: use NOTE, TIP, IMPORTANT, WARNING or CAUTION",
                                                at: location, code: "alert-type"))
                continue
            }
            guard !marker.hasTextAfter else {
                document.problems.append(.warning("put the alert's text on the line after `[!\(marker.word)]`: with text beside it, this stays a quotation",
                                                  at: location, code: "alert-placement"))
                continue
            }
            replace(quote, kind: kind, in: document)
        }
    }

    private static func replace(_ quote: MarkdownNode, kind: Kind, in document: MarkdownDocument) {
        // The marker is the first paragraph's first line: drop it, and the paragraph if that was all.
        if let paragraph = quote.firstChild, paragraph.type == CMARK_NODE_PARAGRAPH {
            var node = paragraph.firstChild
            var sawBreak = false
            while let current = node, !sawBreak {
                node = current.next
                sawBreak = current.type == CMARK_NODE_SOFTBREAK || current.type == CMARK_NODE_LINEBREAK
                current.unlink()
            }
            if paragraph.firstChild == nil { paragraph.unlink() }
        }
        // English until `GuidanceMarkup` writes the title in the page's language.
        let title = HTML.escape(ThemeStrings.english.alertTitle(kind))
        let alert = MarkdownNode.custom(CMARK_NODE_CUSTOM_BLOCK, enter: kind.enter(title), exit: "</div>", role: .container)
        document.anchored.alerts.append((alert, kind))
        alert.place(before: quote)
        alert.adoptChildren(of: quote)
        quote.unlink()
    }

    /// `[!WORD]` on a quote's first line, read from the source.
    private struct Marker {
        let word: String
        let column: Int
        let hasTextAfter: Bool

        init?(_ quote: MarkdownNode, in document: MarkdownDocument) {
            guard let first = quote.firstChild, first.type == CMARK_NODE_PARAGRAPH, first.startLine == quote.startLine,
                  quote.startLine >= 1, quote.startLine <= document.lineCount else { return nil }
            let line = document.line(quote.startLine)
            var rest = line.dropFirst(max(0, quote.startColumn - 1))
            guard rest.first == UInt8(ascii: ">") else { return nil }
            rest = rest.dropFirst()
            rest = rest.drop { $0 == 32 || $0 == 9 }
            guard rest.starts(with: Array("[!".utf8)) else { return nil }
            let wordBytes = rest.dropFirst(2).prefix { (65...90).contains($0) || (97...122).contains($0) }
            guard !wordBytes.isEmpty, wordBytes.endIndex < rest.endIndex, rest[wordBytes.endIndex] == UInt8(ascii: "]") else { return nil }
            word = String(decoding: wordBytes, as: UTF8.self)
            column = rest.startIndex - line.startIndex + 1
            hasTextAfter = !SourceLines.isBlank(rest[(wordBytes.endIndex + 1)...])
        }
    }
}
