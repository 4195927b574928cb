/// A small JSON writer for the values the renderer builds (strings, numbers, booleans,
/// arrays, dictionaries), with keys sorted so output is deterministic.
///
/// Foundation's `JSONSerialization` was 9 % of a build in the profile; this writes straight
/// into one string. `<`, `>` and `&` are always escaped (`\u003c` …) so the text is safe
/// inside `<script>` and in HTML attributes.
enum JSONWriter {
    static func string(_ value: Any, pretty: Bool = false) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func write(_ value: Any, into out: inout String, indent: Int?) {
        switch value {
        case let text as String: writeString(text, into: &out)
        case let flag as Bool: out += flag ? "true" : "false"
        case let number as Int: out += String(number)
        case let number as Double:
            out += number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case let list as [Any]:
            writeContainer(list.map { ($0, nil as String?) }, open: "[", close: "]", into: &out, indent: indent)
        case let map as [String: Any]:
            writeContainer(map.keys.sorted().map { (map[$0]!, $0) }, open: "{", close: "}", into: &out, indent: indent)
        default: out += "null"
        }
    }

    private static func writeContainer(_ items: [(Any, String?)], open: String, close: String, into out: inout String, indent: Int?) {
        out += open
        for (index, (value, key)) in items.enumerated() {
            if index > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: "  ", count: indent + 1) }
            if let key {
                writeString(key, into: &out)
                out += indent == nil ? ":" : ": "
            }
            write(value, into: &out, indent: indent.map { $0 + 1 })
        }
        if let indent, !items.isEmpty { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
