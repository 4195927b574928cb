/// Escaping for XML text and attribute values (feeds, sitemap).
enum XML {
    static func escape(_ text: String) -> String {
        // Nearly every value (a sitemap's URLs) is printable ASCII without `&<>"'`: kept as it is.
        guard !isPlainASCII(text) else { return text }
        return HTML.replacing(text) { scalar in
            switch scalar {
            case "'": "&apos;"
            // XML 1.0 forbids most control characters outright.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": ""
            default: HTML.entity(scalar)
            }
        }
    }

    /// Whether every byte is printable ASCII that `escape` leaves alone.
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && !HTML.needsEscaping($0) }
    }
}
