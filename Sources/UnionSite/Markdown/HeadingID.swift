/// The contract's id rule for headings: lower-case the text, keep letters, digits, spaces and
/// hyphens, turn spaces into hyphens; a repeat on the same page gets `-1`, `-2`, …
///
/// "Independence is crucial" → `independence-is-crucial`.
public enum HeadingID {
    public static func base(for text: String) -> String {
        var id = ""
        for character in text.lowercased() {
            if character == " " {
                id.append("-")
            } else if character == "-" || character.isLetter || character.isNumber {
                id.append(character)
            }
        }
        // An id must not be empty (or it is no id at all in HTML).
        return id.isEmpty ? "section" : id
    }

    /// Hands out unique ids in document order.
    struct Allocator {
        private var used: [String: Int] = [:]
        private var taken: Set<String> = []

        init(reserved: Set<String> = []) { taken = reserved }

        mutating func id(for text: String) -> String {
            let base = HeadingID.base(for: text)
            var candidate = base
            var count = used[base] ?? 0
            while taken.contains(candidate) {
                count += 1
                candidate = "\(base)-\(count)"
            }
            used[base] = count
            taken.insert(candidate)
            return candidate
        }
    }
}
