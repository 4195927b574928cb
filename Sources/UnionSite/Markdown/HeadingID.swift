/// The contract's id rule for headings: lower-case the text, keep letters, digits, spaces and
/// hyphens, turn spaces into hyphens; a repeat on the same page gets `-1`, `-2`, …
///
/// "Independence is crucial" → `independence-is-crucial`.
public enum HeadingID {
    public static func base(for text: String) -> String {
        if ASCIIBytes.isASCII(text) { return asciiBase(for: text) }
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

    /// `base(for:)` on the bytes of ASCII text (nearly every heading), without Unicode tables:
    /// there the letters and digits are `A`–`Z`, `a`–`z` and `0`–`9`, and the only `Character`
    /// of two bytes, CR LF, is dropped as its bytes are.
    private static func asciiBase(for text: String) -> String {
        var id: [UInt8] = []
        id.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): id.append(UInt8(ascii: "-"))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): id.append(byte + 0x20)
            case UInt8(ascii: "-"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): id.append(byte)
            default: break
            }
        }
        return id.isEmpty ? "section" : String(decoding: id, as: UTF8.self)
    }

    /// Hands out unique ids in document order.
    ///
    /// The ids handed out are kept in an array searched in order while there are few (a body
    /// has a handful of headings, a footnote list a few notes): hashing every id into a set and
    /// its base into a dictionary cost more than comparing it with the others. Past
    /// `smallLimit` they move into a set, so a body of 10,000 headings stays linear.
    struct Allocator {
        private let reserved: Set<String>
        private var handedOut: [String] = []
        private var handedOutSet: Set<String>?
        /// Per base that was taken, the last suffix tried for it.
        private var suffixes: [String: Int] = [:]

        static let smallLimit = 32

        init(reserved: Set<String> = []) { self.reserved = reserved }

        mutating func id(for text: String) -> String {
            let base = HeadingID.base(for: text)
            guard isTaken(base) else { return handOut(base) }
            var count = suffixes[base] ?? 0
            var candidate: String
            repeat {
                count += 1
                candidate = "\(base)-\(count)"
            } while isTaken(candidate)
            suffixes[base] = count
            return handOut(candidate)
        }

        private func isTaken(_ id: String) -> Bool {
            if !reserved.isEmpty, reserved.contains(id) { return true }
            return handedOutSet?.contains(id) ?? handedOut.contains(id)
        }

        private mutating func handOut(_ id: String) -> String {
            if handedOutSet != nil {
                handedOutSet!.insert(id)
            } else if handedOut.count < Self.smallLimit {
                handedOut.append(id)
            } else {
                handedOutSet = Set(handedOut + [id])
                handedOut = []
            }
            return id
        }
    }
}
