import Foundation

/// Files made once, on first use: the search index in `serve`.
///
/// The search index depends on every page's text (its scores use the average length), so any
/// edit changes it and making it is a large part of a rebuild. Nobody needs it until they
/// search, so `serve` hands it over unmade (`PreviewBuild.deferred`), sends the reload first,
/// and the preview server waits for these files only when a search asks for them.
public final class DeferredFiles: @unchecked Sendable {
    private let lock = NSLock()
    private let make: @Sendable () -> [String: [UInt8]]
    private var made: [String: [UInt8]]?
    /// Whether an output path is one of these files (known before they are made).
    public let covers: @Sendable (String) -> Bool

    init(covers: @escaping @Sendable (String) -> Bool, _ make: @escaping @Sendable () -> [String: [UInt8]]) {
        self.covers = covers
        self.make = make
    }

    /// The files, made on the first call (other callers wait for it).
    public func files() -> [String: [UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let files = make()
        made = files
        return files
    }
}
