import Foundation

/// One table of `BuildCache`: a value per key, kept with the input it was computed from and
/// reused only while the input is equal, so a hit is by construction what computing would give.
///
/// Inputs are compared, not hashed: a body carried over from the last build is the same
/// string storage, which Swift compares in constant time, where hashing would read it all.
/// Keys a build did not ask for are dropped by `prune`, so the table follows the site.
final class Memo<Key: Hashable, Input: Equatable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [Key: (input: Input, value: Value)] = [:]
    private var used: Set<Key> = []
    private var misses = 0
    /// How many values the last build computed (the rest it found here): tests read it.
    private(set) var lastMisses = 0

    /// How many values were computed since the last build ended (by a body edit): tests read it.
    var missesSinceLastBuild: Int {
        lock.lock()
        defer { lock.unlock() }
        return misses
    }

    func value(_ key: Key, input: Input, compute: () -> Value) -> Value {
        lock.lock()
        used.insert(key)
        if let entry = entries[key], entry.input == input {
            lock.unlock()
            return entry.value
        }
        lock.unlock()
        let value = compute()
        lock.lock()
        entries[key] = (input, value)
        misses += 1
        lock.unlock()
        return value
    }

    /// Forgets the keys no lookup asked for since the last prune.
    func prune() {
        lock.lock()
        defer { lock.unlock() }
        // Usually every key was asked for: then there is nothing to copy.
        if used.count < entries.count { entries = entries.filter { used.contains($0.key) } }
        used = []
        lastMisses = misses
        misses = 0
    }
}

/// A number that changes whenever the value it is shown changes (compared with the last one
/// shown): a cheap stand-in for a large input that many memo entries share.
final class VersionCounter<Value: Equatable>: @unchecked Sendable {
    private let lock = NSLock()
    private var last: Value?
    private var version = 0

    func version(of value: Value) -> Int {
        lock.lock()
        defer { lock.unlock() }
        if value != last { version += 1 }
        // Kept even when equal: the next caller usually shows this very value (a body edit
        // shows the last build's), and equal storage compares at once where a copy is read whole.
        last = value
        return version
    }
}
