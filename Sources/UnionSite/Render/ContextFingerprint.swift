/// A hash of a page's template values, to tell whether it must be rendered again.
/// Dictionaries are hashed in key order, so equal values always give equal fingerprints.
enum ContextFingerprint {
    static func of(_ value: Any) -> Int {
        var hasher = Hasher()
        combine(value, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(_ value: Any, into hasher: inout Hasher) {
        switch value {
        case let text as String: hasher.combine(0); hasher.combine(text)
        case let number as Int: hasher.combine(1); hasher.combine(number)
        case let flag as Bool: hasher.combine(2); hasher.combine(flag)
        case let list as [Any]:
            hasher.combine(3); hasher.combine(list.count)
            for item in list { combine(item, into: &hasher) }
        case let map as [String: Any]:
            hasher.combine(4); hasher.combine(map.count)
            for key in map.keys.sorted() {
                hasher.combine(key)
                combine(map[key]!, into: &hasher)
            }
        default: hasher.combine(5); hasher.combine(String(describing: value))
        }
    }
}
