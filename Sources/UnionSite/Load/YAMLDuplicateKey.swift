/// Where a duplicated key is written again, for the error: Yams reports the first of the two,
/// which is the line the author meant to keep; the one to remove or rename is the later one.
enum YAMLDuplicateKey {
    /// The line and column (1-based, in `yaml`) of the next line after `line` that starts a key
    /// `key` at `column` (plain, or in single or double quotes), with nothing but spaces or a
    /// list's `- ` before it; nil when there is none (a flow mapping on one line, say).
    static func repeated(_ key: String, after line: Int, column: Int, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1, column >= 1 else { return nil }
        for index in line..<lines.count {
            let text = Array(lines[index].utf8)
            guard text.count >= column, text[..<(column - 1)].allSatisfy({ $0 == 0x20 || $0 == 0x2D }) else { continue }
            if startsKey(key, text[(column - 1)...]) { return (index + 1, column) }
        }
        return nil
    }

    /// Whether the bytes start with the key and then `:` (after optional spaces), the key
    /// plain or quoted.
    private static func startsKey(_ key: String, _ text: ArraySlice<UInt8>) -> Bool {
        let written = [Array(key.utf8), Array(("\"" + key + "\"").utf8), Array(("'" + key + "'").utf8)]
        for form in written where text.starts(with: form) {
            let rest = text.dropFirst(form.count).drop { $0 == 0x20 }
            if rest.first == UInt8(ascii: ":") { return true }
        }
        return false
    }
}
