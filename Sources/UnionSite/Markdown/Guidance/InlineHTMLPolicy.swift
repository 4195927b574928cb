/// Which inline HTML an author may write, and how an allowed tag is written again: only the
/// attributes below, each value checked and escaped. Everything else is dropped.
enum InlineHTMLPolicy {
    /// Tag → the attributes it may carry besides `lang` and `dir`.
    static let allowed: [String: Set<String>] = [
        "abbr": ["title"], "sub": [], "sup": [], "br": [], "wbr": [], "kbd": [], "s": [], "del": ["datetime"],
        "ins": ["datetime"], "time": ["datetime"], "span": [], "bdi": [], "bdo": ["dir"], "q": ["cite"], "cite": [],
        "dfn": [], "small": [],
    ]
    static let void: Set<String> = ["br", "wbr"]
    static let global: Set<String> = ["lang", "dir"]

    static var allowedList: String {
        let names = allowed.keys.sorted()
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    struct Safe: Equatable {
        let name: String
        /// The opening tag as we write it.
        let markup: String
        /// Attributes left out because the tag may not carry them.
        let dropped: [String]
        /// Attributes the tag may carry, left out for their value (or a second copy), with why.
        var invalid: [Invalid] = []
    }

    struct Invalid: Equatable {
        let name: String
        let why: String
    }

    /// The tag rewritten from its parts, or nil when the tag is not allowed at all.
    static func sanitize(_ tag: InlineTag) -> Safe? {
        guard tag.kind == .open || tag.kind == .selfClosing, let extra = allowed[tag.name] else { return nil }
        var markup = "<" + tag.name
        var dropped: [String] = []
        var invalid: [Invalid] = []
        var written: Set<String> = []
        for attribute in tag.attributes {
            guard extra.contains(attribute.name) || global.contains(attribute.name) else {
                dropped.append(attribute.name)
                continue
            }
            guard !written.contains(attribute.name) else {
                invalid.append(Invalid(name: attribute.name, why: "it is given twice, and the first is kept"))
                continue
            }
            guard let value = attribute.value, let valid = valid(attribute.name, value, on: tag.name) else {
                invalid.append(Invalid(name: attribute.name, why: expected(attribute.name, attribute.value, on: tag.name)))
                continue
            }
            written.insert(attribute.name)
            markup += " \(attribute.name)=\"\(HTML.attribute(valid))\""
        }
        return Safe(name: tag.name, markup: markup + ">", dropped: dropped, invalid: invalid)
    }

    /// What an allowed attribute's value must be, for the warning that drops it.
    private static func expected(_ name: String, _ value: String?, on tag: String) -> String {
        guard let value else { return "it has no value" }
        let shown = "`\(value.count > 40 ? String(value.prefix(40)) + "…" : value)`"
        switch name {
        case "lang": return "its value \(shown) is not a language tag such as cy or en-GB"
        case "dir": return "its value \(shown) is not " + (tag == "bdo" ? "ltr or rtl" : "ltr, rtl or auto")
        case "datetime": return "its value \(shown) is not a real date or time such as 2026-03-04 or 2026-03-04T09:30"
        case "cite": return "its value \(shown) is not an http or https address or a path on this site"
        default: return "its value \(shown) is not valid"
        }
    }

    /// The value to write, or nil when it is not valid for the attribute.
    private static func valid(_ name: String, _ value: String, on tag: String) -> String? {
        switch name {
        case "lang": return value.isEmpty || isLanguageTag(value) ? value : nil
        case "dir": return (tag == "bdo" ? ["ltr", "rtl"] : ["ltr", "rtl", "auto"]).contains(value.lowercased()) ? value.lowercased() : nil
        case "datetime": return isDateTime(value) ? value : nil
        case "cite": return safeURL(value)
        default: return value
        }
    }

    /// BCP 47 in shape: `cy`, `en-GB`, `zh-Hant-TW`.
    static func isLanguageTag(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// A date, a date and time, or a time, as HTML's `datetime` takes them (the common forms).
    static func isDateTime(_ value: String) -> Bool {
        let digits = "[0-9]"
        let date = "\(digits){4}-\(digits){2}(-\(digits){2})?"
        let time = "\(digits){2}:\(digits){2}(:\(digits){2}(\\.\(digits){1,3})?)?"
        let zone = "(Z|[+-]\(digits){2}:?\(digits){2})?"
        let pattern = "^((\(date))([T ]\(time)\(zone))?|\(time))$"
        guard value.range(of: pattern, options: .regularExpression) != nil else { return false }
        return isRealDateTime(value)
    }

    /// The shape matched: its month, day, hour and minute must also exist (`2026-13-45` does not).
    private static func isRealDateTime(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        func number(_ range: Range<Int>) -> Int { Int(String(decoding: bytes[range], as: UTF8.self)) ?? -1 }
        var timeStart = 0
        if bytes.count >= 7, bytes[4] == UInt8(ascii: "-") {
            let month = number(5..<7)
            guard (1...12).contains(month) else { return false }
            if bytes.count >= 10, bytes.count == 10 || bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") {
                guard Day(String(decoding: bytes[0..<10], as: UTF8.self)) != nil else { return false }
                timeStart = 11
            } else {
                timeStart = 8
            }
        }
        guard bytes.count >= timeStart + 5 else { return true }
        return number(timeStart..<(timeStart + 2)) < 24 && number((timeStart + 3)..<(timeStart + 5)) < 60
    }

    /// `http:`, `https:` or a path on this site (`/…`, not `//…`); nil for anything else,
    /// including schemes hidden behind entities or control characters.
    static func safeURL(_ value: String) -> String? {
        let cleaned = String(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })
        guard !cleaned.contains("\\") else { return nil }
        let lower = cleaned.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return cleaned }
        if cleaned.hasPrefix("/"), !cleaned.hasPrefix("//") { return cleaned }
        return nil
    }
}
