import Foundation

/// The text of one fragment (a table's cells), built as UTF-8 line by line, with where each
/// line came from.
///
/// Bytes, not `String`s: joining strings and reading cells `Character` by `Character` cost
/// more than cmark's parse of the fragment. Cells are read byte by byte, as cmark reads them:
/// every marker that opens a block is ASCII, and no byte of a longer UTF-8 sequence is ASCII.
struct FragmentText {
    private(set) var bytes: [UInt8] = []
    private(set) var origins: [LineOrigin] = []

    /// Adds a line as it is; returns its 1-based number.
    @discardableResult
    mutating func add(_ line: some Collection<UInt8>, at origin: LineOrigin) -> Int {
        let number = startLine(at: origin)
        bytes.append(contentsOf: line)
        return number
    }

    private mutating func startLine(at origin: LineOrigin) -> Int {
        if !origins.isEmpty { bytes.append(10) }
        origins.append(origin)
        return origins.count
    }

    /// Adds a cell's text so that it can only be a paragraph: a start that would open a block
    /// (`# `, `> `, `- `, `1. `, a fence or rule, a reference definition) is escaped.
    mutating func addInline(_ utf8: UnsafeBufferPointer<UInt8>, at origin: LineOrigin) -> Int {
        if Self.opensBlock(utf8) {
            let number = startLine(at: LineOrigin(line: origin.line, shift: origin.shift - 1))
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(contentsOf: utf8)
            return number
        }
        guard let digits = Self.orderedListDigits(utf8) else { return add(utf8, at: origin) }
        let number = startLine(at: origin)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<digits]))
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[digits...]))
        return number
    }

    /// Whether a cell's text would parse to one text node holding exactly that text, so that
    /// it needs no line in the fragment (most cells of a pay table: `Grade 1`, `412.50`): it
    /// starts with a letter, a digit (not as a list marker) or `(`, ends with no space, and
    /// holds no byte that cmark reads as inline syntax with smart punctuation on (`\` `` ` ``
    /// `&` `_` `*` `[` `]` `<` `!` quotes, `..` or `--`) and no control character.
    /// `PlainCellTests` checks this against cmark on random cells.
    static func isPlainText(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlainText)
    }

    static func isPlainText(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = utf8.first, let last = utf8.last, last != 32,
              (48...57).contains(first) || (65...90).contains(first) || (97...122).contains(first) || first >= 0x80 || first == UInt8(ascii: "(")
        else { return false }
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0..<32, 127, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "_"), UInt8(ascii: "*"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                return false
            case UInt8(ascii: "."), UInt8(ascii: "-"):
                if previous == byte { return false }
            default: break
            }
            previous = byte
        }
        return orderedListDigits(utf8) == nil
    }

    /// A blank line between two parts, so each is its own paragraph.
    mutating func gap() {
        add(EmptyCollection(), at: origins.last ?? LineOrigin(line: 1, shift: 0))
    }

    private static func opensBlock(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        let second = text.count > 1 ? text[1] : nil
        switch first {
        case UInt8(ascii: ">"): return true
        case UInt8(ascii: "#"):
            let hashes = text.prefix { $0 == first }.count
            return hashes <= 6 && (hashes == text.count || text[hashes] == 32 || text[hashes] == 9)
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "_"):
            let isRule = text.allSatisfy { $0 == first || $0 == 32 || $0 == 9 } && text.filter { $0 == first }.count >= 3
            return isRule || (first != UInt8(ascii: "_") && (second == nil || second == 32 || second == 9))
        case UInt8(ascii: "`"), UInt8(ascii: "~"): return text.count >= 3 && text[1] == first && text[2] == first
        case UInt8(ascii: "["): return contains(text, "]:") && !contains(text, "](")
        default: return false
        }
    }

    private static func contains(_ text: UnsafeBufferPointer<UInt8>, _ pair: StaticString) -> Bool {
        let a = pair.utf8Start[0], b = pair.utf8Start[1]
        return text.indices.dropLast().contains { text[$0] == a && text[$0 + 1] == b }
    }

    /// `12.` or `3)` followed by a space or the end: the digits' count, where the escape goes.
    private static func orderedListDigits(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        let digits = text.prefix { (48...57).contains($0) }.count
        guard digits > 0, digits <= 9, digits < text.count, text[digits] == UInt8(ascii: ".") || text[digits] == UInt8(ascii: ")") else { return nil }
        return digits + 1 == text.count || text[digits + 1] == 32 || text[digits + 1] == 9 ? digits : nil
    }
}
