/// Finding a literal's position in the source, for problems reported at it.
extension MarkdownDocument {
    /// Where `needle` (a literal the parser took from the source, such as a tag) starts: on
    /// cmark's line or the few before it (inline positions drift after soft breaks), nearest
    /// to cmark's column.
    func location(of needle: [UInt8], near node: MarkdownNode) -> SourceLocation {
        let reported = node.startLine
        guard !needle.isEmpty, reported >= 1, reported <= lineCount else { return location(of: node) }
        for number in stride(from: reported, through: max(1, reported - LinkPosition.lookBack), by: -1) {
            let text = line(number)
            var best: Int?
            let near = number == reported ? node.startColumn : Int.max
            var index = text.startIndex
            while index + needle.count <= text.endIndex {
                if text[index] == needle[0], text[index..<(index + needle.count)].elementsEqual(needle) {
                    let column = index - text.startIndex + 1
                    if best == nil || abs(column - near) < abs(best! - near) { best = column }
                }
                index += 1
            }
            if let best { return location(line: number, column: best) }
        }
        return location(of: node)
    }
}
