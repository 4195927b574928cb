import Foundation

/// Memoised results that `serve` keeps between rebuilds, so an edit re-does only the work
/// whose inputs changed: reading a file whose size and time are unchanged, parsing a body
/// that is the same text, rendering a page whose template values are the same.
///
/// Every entry is keyed by all of its inputs, so a cached result is by construction the one
/// a full build would compute: incremental output is byte-identical to a full build.
public final class BuildCache: @unchecked Sendable {
    private let lock = NSLock()
    private var facts: [FactsKey: DocumentFacts] = [:]
    private var bodies: [BodyKey: String] = [:]
    private var pages: [String: (fingerprint: Int, bytes: [UInt8])] = [:]
    private var usedPages: Set<String> = []
    private(set) var pagesRendered = 0

    public init() {}

    struct FactsKey: Hashable {
        let text: String
        let path: String
        let firstLine: Int
        let numbersPrinciples: Bool
    }

    func facts(_ key: FactsKey, compute: () -> DocumentFacts) -> DocumentFacts {
        if let hit = locked({ facts[key] }) { return hit }
        let value = compute()
        locked { facts[key] = value }
        return value
    }

    /// Everything a body's HTML depends on.
    struct BodyKey: Hashable {
        let key: String
        let source: MarkdownSource
        let hrefs: [String: String]
        let glossaryMatches: [Int: [GlossaryMatcher.Match]]
        /// The glossary and base path, which glossary links depend on.
        let glossary: Int
        let placement: String
        let citations: [String?]
    }

    func body(_ key: BodyKey, compute: () -> String) -> String {
        if let hit = locked({ bodies[key] }) { return hit }
        let value = compute()
        locked { bodies[key] = value }
        return value
    }

    /// A page is rendered again only when its template values changed.
    func page(_ path: String, fingerprint: Int, render: () -> [UInt8]) -> [UInt8] {
        if let hit = locked({ pages[path] }), hit.fingerprint == fingerprint {
            locked { _ = usedPages.insert(path) }
            return hit.bytes
        }
        let bytes = render()
        locked {
            pages[path] = (fingerprint, bytes)
            usedPages.insert(path)
            pagesRendered += 1
        }
        return bytes
    }

    /// Forgets what the last build did not use, so the cache does not grow with edits.
    func endBuild() -> Int {
        locked {
            pages = pages.filter { usedPages.contains($0.key) }
            usedPages = []
            let rendered = pagesRendered
            pagesRendered = 0
            if bodies.count > 4 * max(pages.count, 64) { bodies = [:] }
            if facts.count > 4 * max(pages.count, 64) { facts = [:] }
            return rendered
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}

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
