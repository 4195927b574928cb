import Foundation

/// Decides what the preview server answers for a request path, as a pure function so every
/// traversal trick can be unit-tested without a socket.
///
/// The site is mounted at `base_url`'s path; `/` redirects there. Only paths of files the
/// build produced can be answered, so nothing outside the site is ever reachable: `..`,
/// encoded slashes and backslashes, NUL bytes and absolute paths are refused before lookup.
struct RequestResolver: Sendable {
    enum Answer: Equatable, Sendable {
        case file(String)
        case redirect(String)
        case notFound
        case badRequest
    }

    /// The base path, `/education/`.
    let basePath: String

    /// - Parameters:
    ///   - rawPath: the request target's path, still percent-encoded.
    ///   - exists: whether the site has a file at an output path.
    func answer(_ rawPath: String, exists: (String) -> Bool) -> Answer {
        guard let path = Self.decode(rawPath) else { return .badRequest }
        if path == "/" || path + "/" == basePath { return .redirect(basePath) }
        guard path.hasPrefix(basePath) else { return .notFound }
        let relative = String(path.dropFirst(basePath.count))
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(basePath + relative + "/") }
        return .notFound
    }

    /// Percent-decodes a path, refusing anything that could name a file outside the site.
    static func decode(_ rawPath: String) -> String? {
        let lowered = rawPath.lowercased()
        // Encoded separators and NUL are never part of a real page address.
        for banned in ["%2f", "%5c", "%00"] where lowered.contains(banned) { return nil }
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        guard !decoded.hasPrefix("//") else { return nil }
        return decoded
    }
}
