/// A small JSON writer for the values the renderer builds (strings, numbers, booleans,
/// arrays, dictionaries), with keys sorted so output is deterministic.
///
/// Foundation's `JSONSerialization` was 9 % of a build in the profile; this writes straight
/// into one string. `<`, `>` and `&` are always escaped (`\u003c` …) so the text is safe
/// inside `<script>` and in HTML attributes.
enum JSONWriter {
    static func string(_ value: Any, pretty: Bool = false) -> String {
        var out: [UInt8] = []
        write(value, into: &out, indent: pretty ? 0 : nil)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ value: Any, into out: inout [UInt8], indent: Int?) {
        switch value {
        case let text as String: writeString(text, into: &out)
        case let flag as Bool: out += (flag ? "true" : "false").utf8
        case let number as Int: out += String(number).utf8
        case let number as Double:
            out += (number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)).utf8
        case let map as [String: Any]:
            writeContainer(map.keys.sorted().map { (map[$0]!, $0) }, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), into: &out, indent: indent)
        case let list as [Any]:
            writeContainer(list.map { ($0, nil as String?) }, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), into: &out, indent: indent)
        default: out += "null".utf8
        }
    }

    private static func writeContainer(_ items: [(Any, String?)], open: UInt8, close: UInt8, into out: inout [UInt8], indent: Int?) {
        out.append(open)
        for (index, (value, key)) in items.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            if let indent { out += ("\n" + String(repeating: "  ", count: indent + 1)).utf8 }
            if let key {
                writeString(key, into: &out)
                out += (indent == nil ? ":" : ": ").utf8
            }
            write(value, into: &out, indent: indent.map { $0 + 1 })
        }
        if let indent, !items.isEmpty { out += ("\n" + String(repeating: "  ", count: indent)).utf8 }
        out.append(close)
    }

    /// Bytes that need no escape are copied in runs; only quotes, backslashes, controls,
    /// `<`, `>`, `&` and the two line separators JavaScript rejects (U+2028, U+2029) are escaped.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let isSeparator = byte == 0xE2 && index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || isSeparator else {
                    index += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out += escape(byte, separator: isSeparator ? bytes[index + 2] : nil).utf8
                index += isSeparator ? 3 : 1
                runStart = index
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func escape(_ byte: UInt8, separator: UInt8?) -> String {
        if let separator { return separator == 0xA8 ? "\\u2028" : "\\u2029" }
        switch byte {
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x3C: return "\\u003c"
        case 0x3E: return "\\u003e"
        case 0x26: return "\\u0026"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
