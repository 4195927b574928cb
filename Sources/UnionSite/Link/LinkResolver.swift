import Foundation

/// Resolves a destination as an author wrote it to a `LinkTarget`, or says why it cannot.
///
/// Destinations are content paths (`../guide/academies.md#fragment`, `/principles/core.md`),
/// `vacancy:<id>`, `#fragment`, static files (`/files/x.pdf`), or sections (`articles/`).
struct LinkResolver: Sendable {
    /// Content id → page path, for every built item.
    let pages: [String: SitePath]
    let vacancies: [String: SitePath]
    let staticFiles: Set<String>
    /// On a translation's site, the default language's pages (content id → path there), for
    /// links to pages not translated; empty on the default language's site.
    var originals: [String: SitePath] = [:]
    /// Likewise the default language's vacancies (id → path there).
    var originalVacancies: [String: SitePath] = [:]
    /// On a translation's site, pages paired through `translation_key:` under another name:
    /// the original's content id → the translation's (`pages/join.md` → `pages/ymuno.md`).
    var translatedIDs: [String: String] = [:]
    /// Why an item that exists is not built (drafts, future dates).
    let leftOut: [String: String]

    static let sections = Routes.site.sections

    static let externalSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data"]

    /// A destination's href as far as it can be known without the site's pages: an external
    /// URL stays as written (nil), an unsafe one is dropped (""); a content path, fragment or
    /// vacancy depends on the pages (`dependsOnPages`). The Link stage renders each body before
    /// the pages are all known, leaving a slot for the latter (`SlottedHTML`).
    enum Independent: Equatable { case dependsOnPages, href(String?) }

    static func independentHref(_ destination: String) -> Independent {
        let trimmed = destination.trimmed
        if let scheme = scheme(of: trimmed) {
            if unsafeSchemes.contains(scheme) { return .href("") }
            return scheme == "vacancy" ? .dependsOnPages : .href(nil)
        }
        return trimmed.hasPrefix("//") ? .href(nil) : .dependsOnPages
    }

    /// What went wrong, with the diagnostic code it is reported under.
    enum Failure: Error, Equatable { case message(String, code: String = "link-missing-file") }

    /// - Parameters:
    ///   - from: the linking page's key, for same-page links; nil for site.yaml.
    ///   - contentPath: the linking file below `content/`, that relative paths start from.
    func resolve(_ destination: String, from: PageKey?, contentPath file: String?) -> Result<LinkTarget, Failure> {
        let trimmed = destination.trimmed
        if let scheme = Self.scheme(of: trimmed) {
            if Self.unsafeSchemes.contains(scheme) { return .success(.unsafe) }
            // The link syntax `vacancy:<id>`: the one place it is read.
            if scheme == "vacancy" { return vacancy(String(trimmed.dropFirst("vacancy:".count))) }
            return .success(.external)
        }
        if trimmed.hasPrefix("//") { return .success(.external) }
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        if pathPart.isEmpty {
            guard let from, let path = from.itemID.flatMap({ pages[$0] }) ?? from.vacancyID.flatMap({ vacancies[$0] }) else {
                return .failure(.message("a same-page link needs a page", code: "link-missing-fragment"))
            }
            return .success(.page(key: from, path: path, fragment: fragment))
        }
        guard let contentPath = Self.contentPath(pathPart, from: file) else {
            return .failure(.message("link \(destination) points outside content/", code: "link-outside-content"))
        }
        return target(contentPath, fragment: fragment, written: destination)
    }

    private func target(_ contentPath: String, fragment: String?, written: String) -> Result<LinkTarget, Failure> {
        if let page = pages[contentPath] { return .success(.page(key: .item(contentPath), path: page, fragment: fragment)) }
        if let id = translatedIDs[contentPath], let page = pages[id] { return .success(.page(key: .item(id), path: page, fragment: fragment)) }
        if let original = originals[contentPath] { return .success(.original(path: original, fragment: fragment)) }
        if let reason = leftOut[contentPath] { return .failure(.message("link to content/\(contentPath), which \(reason)", code: "link-not-built")) }
        if let section = Self.sections[contentPath] ?? Self.sections[contentPath + "/"] { return .success(.section(path: section, fragment: fragment)) }
        let staticPath = contentPath.hasPrefix("static/") ? String(contentPath.dropFirst("static/".count)) : contentPath
        if staticFiles.contains(staticPath) { return .success(.file(path: staticPath, fragment: fragment)) }
        if contentPath.hasSuffix(".md") { return .failure(.message("link to content/\(contentPath), which does not exist")) }
        return .failure(.message("link to \(written): no such page or file under content/static/"))
    }

    private func vacancy(_ id: String) -> Result<LinkTarget, Failure> {
        let (bare, fragment) = Self.splitFragment(id)
        if vacancies[bare] == nil, let original = originalVacancies[bare] { return .success(.original(path: original, fragment: fragment)) }
        guard let path = vacancies[bare] else { return .failure(.message("link to vacancy:\(bare), but no vacancy has that id", code: "link-unknown-vacancy")) }
        return .success(.page(key: .vacancy(bare), path: path, fragment: fragment))
    }

    /// The scheme before the first `:`, lower-cased, if what comes before it is one (`http`, `x+y-z.w`).
    static func scheme(of destination: String) -> String? {
        // Bytes, not `Character`s, for ASCII: each of the site's links asks. Any byte from 0x80
        // before the first `:` makes the scheme not ASCII, so none; only a `:` followed by one
        // (a combining mark joins it into another `Character`) is left to `characterScheme`.
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(where: { $0 == UInt8(ascii: ":") || $0 >= 0x80 }), bytes[colon] < 0x80 else { return nil }
        let after = bytes.index(after: colon)
        guard after == bytes.endIndex || bytes[after] < 0x80 else { return characterScheme(of: destination) }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, isASCIILetter(first),
              scheme.allSatisfy({ isASCIILetter($0) || (0x30...0x39).contains($0) || "+-.".utf8.contains($0) }) else { return nil }
        return String(decoding: scheme.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// `scheme(of:)` a `Character` at a time: the rule as written, for text the byte path cannot decide.
    static func characterScheme(of destination: String) -> String? {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return scheme.lowercased()
    }

    static func splitFragment(_ destination: String) -> (String, String?) {
        // In ASCII a `#` byte is the `#` `Character`; elsewhere it may start a keycap emoji.
        let hash = ASCIIBytes.isASCII(destination)
            ? destination.utf8.firstIndex(of: UInt8(ascii: "#"))
            : destination.firstIndex(of: "#")
        guard let hash else { return (destination, nil) }
        let fragment = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]), ASCIIBytes.percentDecoded(fragment) ?? fragment)
    }

    /// Joins a path to the linking file's folder (or `content/` for `/…`) and normalises `..`.
    /// Nil when it climbs out of `content/`.
    static func contentPath(_ path: String, from: String?) -> String? {
        // Every link to a page comes here: ASCII paths with nothing to decode (nearly all) are
        // joined as bytes, without Foundation's decoding or a `String` per segment.
        guard ASCIIBytes.isASCII(path), !path.utf8.contains(UInt8(ascii: "%")), from.map({ ASCIIBytes.isASCII($0) }) ?? true else {
            return characterContentPath(path, from: from)
        }
        var path = path
        return path.withUTF8 { written in
            guard var from else { return PathJoiner.join(written, from: nil) }
            return from.withUTF8 { PathJoiner.join(written, from: $0) }
        }
    }

    /// `contentPath` a `Character` at a time, decoding with Foundation: the rule as written,
    /// for paths that are not ASCII or hold a `%`.
    static func characterContentPath(_ path: String, from: String?) -> String? {
        let withoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        let decoded = withoutQuery.removingPercentEncoding ?? withoutQuery
        let baseFolder = decoded.hasPrefix("/") ? [] : (from?.split(separator: "/").dropLast().map(String.init) ?? [])
        var parts = baseFolder
        for component in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            default: parts.append(String(component))
            }
        }
        let joined = parts.joined(separator: "/")
        return decoded.hasSuffix("/") && !joined.isEmpty ? joined + "/" : joined
    }
}

/// Joins a written path to the linking file's folder in one buffer on the stack: every link to
/// a page is joined, and splitting both paths into arrays of segments cost a heap allocation
/// per array and per segment.
private enum PathJoiner {
    /// The joined path; nil when it climbs out of `content/`.
    static func join(_ path: UnsafeBufferPointer<UInt8>, from: UnsafeBufferPointer<UInt8>?) -> String? {
        let end = path.firstIndex(of: UInt8(ascii: "?")) ?? path.count
        let written = UnsafeBufferPointer(rebasing: path[..<end])
        let capacity = written.count + (from?.count ?? 0) + 1
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { bytes in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { starts in
                var parts = Parts(bytes: bytes, starts: starts)
                if written.first != UInt8(ascii: "/"), let from {
                    _ = forEachSegment(from) { parts.push($0); return true }
                    parts.pop()
                }
                let inside = forEachSegment(written) { segment in
                    if segment.count == 1, segment[0] == UInt8(ascii: ".") { return true }
                    if segment.count == 2, segment[0] == UInt8(ascii: "."), segment[1] == UInt8(ascii: ".") { return parts.pop() }
                    parts.push(segment)
                    return true
                }
                guard inside else { return nil }
                if written.last == UInt8(ascii: "/"), parts.length > 0 { parts.push(UnsafeBufferPointer(start: nil, count: 0)) }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<parts.length]), as: UTF8.self)
            }
        }
    }

    /// Calls `body` with each non-empty segment between `/`s, until it returns false; false then.
    private static func forEachSegment(_ path: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var start = 0
        for index in 0...path.count where index == path.count || path[index] == UInt8(ascii: "/") {
            if index > start, !body(UnsafeBufferPointer(rebasing: path[start..<index])) { return false }
            start = index + 1
        }
        return true
    }

    /// Segments joined by `/` as they are pushed and popped.
    private struct Parts {
        let bytes: UnsafeMutableBufferPointer<UInt8>
        /// Where each segment starts, with the `/` before it.
        let starts: UnsafeMutableBufferPointer<Int>
        private(set) var length = 0
        private var count = 0

        init(bytes: UnsafeMutableBufferPointer<UInt8>, starts: UnsafeMutableBufferPointer<Int>) {
            self.bytes = bytes
            self.starts = starts
        }

        mutating func push(_ segment: UnsafeBufferPointer<UInt8>) {
            starts[count] = length
            if count > 0 { bytes[length] = UInt8(ascii: "/"); length += 1 }
            count += 1
            for byte in segment { bytes[length] = byte; length += 1 }
        }

        /// Drops the last segment; false when there is none.
        @discardableResult
        mutating func pop() -> Bool {
            guard count > 0 else { return false }
            count -= 1
            length = starts[count]
            return true
        }
    }
}
