/// Escaping for every value that reaches HTML outside Mustache's own `{{ }}`.
enum HTML {
    /// Text content and double-quoted attribute values.
    /// Text with none of `& < > " '` and no control character (most of it) comes back as it
    /// is; the rest is escaped byte by byte, since the five are ASCII and never part of a
    /// longer UTF-8 sequence.
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var text = text
        return text.withUTF8 { utf8 in
            var out: [UInt8] = []
            out.reserveCapacity(utf8.count + 16)
            escape(utf8, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The same escaping, appended to bytes: for writers that build a page as bytes (the
    /// compiled templates), with no escaped copy in between. Runs without a special character
    /// are copied whole.
    static func escape(_ utf8: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            guard needsEscaping(byte) else { index += 1; continue }
            // 0xC2 leads U+0080–U+00BF: only U+0080–U+009F (C1 controls) are left out; `£` stays.
            let width = byte == 0xC2 ? (index + 1 < utf8.count && (0x80...0x9F).contains(utf8[index + 1]) ? 2 : 0) : 1
            guard width > 0 else { index += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            // The five have entities; the control characters are left out.
            out += (entity(Unicode.Scalar(byte)) ?? "").utf8
            index += width
            start = index
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// The entity for one of `& < > " '`; nil for any other character.
    static func entity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        case "'": "&#39;"
        default: nil
        }
    }

    /// The text with each scalar `replacement` gives a string for replaced by it (`XML` too).
    @inline(__always)
    static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) { out += replaced } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    static func attribute(_ text: String) -> String { escape(text) }

    /// Whether `escape` would change the text: most values have none of `&<>"'`, and are
    /// then used as they are.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            for byte in utf8 where needsEscaping(byte) { return true }
            return false
        }
    }

    /// Whether `escape` may change this UTF-8 byte. The five are all below 64, so one shift
    /// and mask tells. So are the control characters HTML forbids (a YAML `"\a"` in a title
    /// would make the page invalid), which `escape` leaves out, as the feeds do: C0 but for
    /// HTML's white space (tab, line feed, form feed, carriage return), DEL, and C1, whose
    /// lead byte 0xC2 `escape` then reads further (it also leads `£` and the no-break space).
    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        let special: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
            | (0xFFFF_FFFF & ~(1 << 0x09 | 1 << 0x0A | 1 << 0x0C | 1 << 0x0D))
        return byte < 64 ? special >> UInt64(byte) & 1 == 1 : byte == 0x7F || byte == 0xC2
    }
}
