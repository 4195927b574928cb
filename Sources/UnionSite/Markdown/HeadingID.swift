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
