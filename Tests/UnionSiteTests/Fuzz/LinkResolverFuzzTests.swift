import Foundation
import PropertyBased
import Testing
@testable import UnionSite

/// Fuzz target 4: the link resolver, `LinkResolver.resolve` and `LinkResolver.contentPath`.
@Suite("Fuzz: link resolver")
struct LinkResolverFuzzTests {
    static let resolver = LinkResolver(
        pages: ["guide/academies.md": .folder("guide", "academies"), "guide/index.md": .folder("guide"),
                "articles/2026/pay.md": .folder("articles", "pay"), "pages/about.md": .folder("about"), "a.md": .folder("a")],
        vacancies: ["adviser-north": .folder("vacancies", "adviser-north")],
        staticFiles: ["files/handbook.pdf", "files/a b.pdf", "x"],
        leftOut: ["articles/draft.md": "is a draft (build with --drafts to include it)"])

    /// Linking files (content paths) of every depth, and none (site.yaml).
    static let froms: [String?] = [nil, "a.md", "guide/index.md", "articles/2026/pay.md", "articles/2026/05/deep/x.md", "vacancy:adviser-north"]

    static let tokens = ["../", "../", "..", "./", ".", "/", "/", "//", "%2e%2e/", "%2E%2e%2f", "%2f", "%", "%zz", "%00", "%C3", "%C3%A9",
                         "#", "#frag", "?", "?q=1", "vacancy:", "vacancy:adviser-north", "javascript:", "JaVaScRiPt:", "data:", "vbscript:",
                         "http:", "https://x", "mailto:", "tel:", "c:", "x+y-z.w:", ":", "guide", "academies.md", "index.md", "files",
                         "handbook.pdf", "a b", " ", "\t", "\n", "\\", "..\\", "\u{0}", "é", "👩‍👩‍👧", "\u{202E}", "\u{FF0E}\u{FF0E}/",
                         "articles/", "guide/glossary/", "static/", "a.md", "x"]

    static let destination = FuzzGen.soup(tokens, length: 0...14)
    static let from = Gen<String??>.element(of: froms).map { $0! }

    /// `javascript:` and friends in any case, with whitespace around and anything after.
    static let unsafe = zip(
        Gen<String?>.element(of: ["javascript", "data", "vbscript"]).map { $0! },
        Gen.bool.array(of: 10),                          // which letters to capitalise
        FuzzGen.soup([" ", "\t", "\n", "\r\n"], length: 0...2),
        FuzzGen.soup(tokens + ["alert(1)", "text/html;base64,PHNjcmlwdD4="], length: 0...6))
        .map { scheme, upper, space, rest in
            let cased = String(scheme.enumerated().map { upper[$0.offset % upper.count] ? Character($0.element.uppercased()) : $0.element })
            return space + cased + ":" + rest + space
        }

    @Test("contentPath: never a `..` segment, a leading `/` or an empty segment; climbing past content/ fails")
    func contentPaths() async {
        await fuzz(count: 1000, input: zip(Self.destination, Self.from)) { path, from in
            Self.checkContentPath(path, from: from)
        }
    }

    @Test("resolve: never crashes; content targets stay inside content/")
    func resolve() async {
        await fuzz(count: 1000, input: zip(Self.destination, Self.from)) { destination, from in
            Self.checkResolve(destination, from: from)
        }
    }

    @Test("javascript:, data: and vbscript: in any case are unsafe")
    func unsafeSchemes() async {
        await fuzz(count: 500, input: zip(Self.unsafe, Self.from)) { destination, from in
            let result = Self.resolver.resolve(destination, from: Self.key(from), contentPath: from)
            #expect(result == .success(.unsafe), "\(Fuzz.describe(destination)) resolved to \(result)")
            Self.checkResolve(destination, from: from)
        }
    }

    @Test("the corpus resolves within content/")
    func corpus() {
        let destinations = Fuzz.corpusLines("link-resolver")
        #expect(!destinations.isEmpty)
        for destination in destinations {
            for from in Self.froms {
                Self.checkContentPath(destination, from: from)
                Self.checkResolve(destination, from: from)
            }
        }
    }

    // MARK: - Properties

    static func checkContentPath(_ path: String, from: String?) {
        let label = "\(Fuzz.describe(path)) from \(from ?? "nil")"
        let result = LinkResolver.contentPath(path, from: from)
        if let result {
            let segments = result.split(separator: "/", omittingEmptySubsequences: false)
            #expect(!segments.contains(".."), "`..` segment in \(Fuzz.describe(result)) for \(label)")
            #expect(!result.hasPrefix("/"), "leading / in \(Fuzz.describe(result)) for \(label)")
            #expect(!result.contains("//"), "empty segment in \(Fuzz.describe(result)) for \(label)")
        }
        // The reference: climb with a depth counter from the linking file's folder.
        let expectedEscape = Self.climbsOut(path, from: from)
        #expect((result == nil) == expectedEscape, "escape \(expectedEscape) but got \(result.map(Fuzz.describe) ?? "nil") for \(label)")
    }

    static func checkResolve(_ destination: String, from: String?) {
        let label = "\(Fuzz.describe(destination)) from \(from ?? "nil")"
        let result = resolver.resolve(destination, from: key(from), contentPath: from)
        // Whatever a browser would run as script never stays in the page as written (only
        // `.external` keeps the destination; pages, sections and files get an href of our own).
        if Self.browserScheme(destination).map(LinkResolver.unsafeSchemes.contains) == true, case .success(.external) = result {
            Issue.record("script URL \(label) is kept as an external link")
        }
        switch result {
        case .success(.page(let key, _, _)):
            #expect(key.itemID.map(pages.keys.contains) ?? resolver.vacancies.keys.contains(key.vacancyID ?? ""), "\(label)")
        case .success(.file(let file, _)):
            #expect(resolver.staticFiles.contains(file), "\(label)")
        default: break
        }
    }

    static var pages: [String: SitePath] { resolver.pages }

    /// The linking page's key for a linking file in `froms`: the vacancy's for its data file.
    static func key(_ from: String?) -> PageKey? { from == "vacancy:adviser-north" ? .vacancy("adviser-north") : from.map(PageKey.item) }

    /// Whether the path (query dropped, percent-decoded as the resolver does) has more `..`
    /// than the folders above it.
    static func climbsOut(_ path: String, from: String?) -> Bool {
        let noQuery = path.prefix { $0 != "?" }
        let decoded = String(noQuery).removingPercentEncoding ?? String(noQuery)
        var depth = decoded.hasPrefix("/") ? 0 : max(0, (from ?? "").split(separator: "/").count - 1)
        for segment in decoded.split(separator: "/") {
            if segment == ".." {
                depth -= 1
                if depth < 0 { return true }
            } else if segment != "." {
                depth += 1
            }
        }
        return false
    }

    /// The scheme a browser reads from an href: leading C0 controls and spaces stripped, tabs
    /// and line breaks removed anywhere (WHATWG URL parsing), lower-cased.
    static func browserScheme(_ href: String) -> String? {
        var scalars = Substring(href).unicodeScalars.drop { $0.value <= 0x20 }
        scalars = scalars[...]
        let cleaned = String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let scheme = cleaned[..<colon]
        guard let first = scheme.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII,
              scheme.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0)) })
        else { return nil }
        return scheme.lowercased()
    }
}
