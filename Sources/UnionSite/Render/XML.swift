/// Escaping for XML text and attribute values (feeds, sitemap).
enum XML {
    static func escape(_ text: String) -> String {
        HTML.replacing(text) { scalar in
            switch scalar {
            case "'": "&apos;"
            // XML 1.0 forbids most control characters outright.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": ""
            default: HTML.entity(scalar)
            }
        }
    }
}
