/// How templates receive a date: `{iso, text}` for `<time datetime="…">…</time>`.
enum DateContext {
    static func of(_ day: Day) -> [String: Any] {
        ["iso": day.description, "text": day.longForm]
    }

    static func of(_ date: ContentDate) -> [String: Any] {
        ["iso": date.timestamp.count > 10 ? date.timestamp : date.day.description, "text": date.day.longForm]
    }
}
