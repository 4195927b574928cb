/// How templates receive a date: `{iso, text}` for `<time datetime="…">…</time>`, the text in
/// the page's language (month names from its string table, never the OS locale).
enum DateContext {
    static func of(_ day: Day, in strings: ThemeStrings) -> TemplateRecord {
        ["iso": .text(day.description), "text": .text(strings.date(day))]
    }

    static func of(_ date: ContentDate, in strings: ThemeStrings) -> TemplateRecord {
        ["iso": .text(date.timestamp.count > 10 ? date.timestamp : date.day.description), "text": .text(strings.date(date.day))]
    }
}

extension PageFactory {
    /// The theme's words in this site's language.
    var t: ThemeStrings { context.strings }

    /// A date for templates, in this site's language.
    func date(_ day: Day) -> TemplateValue { .record(DateContext.of(day, in: context.strings)) }

    func date(_ date: ContentDate) -> TemplateValue { .record(DateContext.of(date, in: context.strings)) }
}
