/// A hash of a page's template values, to tell whether it must be rendered again.
/// Records are hashed in key order, so equal values always give equal fingerprints.
enum ContextFingerprint {
    static func of(template: String, templates: Int, data: TemplateRecord) -> Int {
        var hasher = Hasher()
        hasher.combine(template)
        hasher.combine(templates)
        combine(.record(data), into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: TemplateValue, into hasher: inout Hasher) {
        switch value {
        case .text(let text): hasher.combine(0); hasher.combine(text)
        case .number(let number): hasher.combine(1); hasher.combine(number)
        case .flag(let flag): hasher.combine(2); hasher.combine(flag)
        case .list(let list):
            hasher.combine(3); hasher.combine(list.count)
            for item in list { combine(item, into: &hasher) }
        case .record(let record):
            hasher.combine(4); hasher.combine(record.count)
            for key in record.keys.sorted() {
                hasher.combine(key)
                combine(record[key]!, into: &hasher)
            }
        }
    }
}
