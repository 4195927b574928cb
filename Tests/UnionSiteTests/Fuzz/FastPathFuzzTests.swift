import Foundation
import PropertyBased
import Testing
@testable import UnionSite

/// The byte-level fast paths of the Link and Model stages and the search index give exactly what the rule as
/// written gives (Foundation, `Character`s): the output of a build must not change by a byte.
@Suite("Fuzz: fast paths agree with the rule as written")
struct FastPathFuzzTests {
    /// ASCII around the bytes each fast path looks at, and what it hands on to the general path:
    /// CR LF, combining marks after `:`, `#` and `/`, keycaps, prepend marks, Unicode spaces.
    static let tokens = ["../", "..", "./", ".", "/", "//", "%2e%2e/", "%20", "%", "%zz", "%C3%A9", "#", "#frag", "?", "?q=1",
                         ":", "vacancy:", "http:", "JaVa:", "x+y-z.w:", "1a:", "a b", " ", "\t", "\n", "\r", "\r\n", "\u{0B}",
                         "\u{85}", "\u{A0}", "\u{2028}", "\u{200B}", "\u{3000}", "\u{301}", "\u{FE0F}\u{20E3}", "\u{600}", "é",
                         "ŵ", "İ", "ß", "👩‍👩‍👧", "guide", "academies.md", "A", "Z", "-", "_", "~", "!", "'", "(", "[", "@", "0", "9"]

    static let text = FuzzGen.soup(tokens, length: 0...10)
    static let froms: [String?] = [nil, "a.md", "guide/index.md", "articles/2026/pay.md", "a//b/c.md", "x/\u{301}y/z.md", "é/a.md", "/", ""]
    static let from = Gen<String??>.element(of: froms).map { $0! }

    @Test("LinkResolver: contentPath, scheme and splitFragment as by Characters and Foundation")
    func linkResolver() async {
        await fuzz(count: 2000, input: zip(Self.text, Self.from)) { path, from in
            let label = "\(Fuzz.describe(path)) from \(from.map(Fuzz.describe) ?? "nil")"
            #expect(LinkResolver.contentPath(path, from: from) == LinkResolver.characterContentPath(path, from: from), "\(label)")
            #expect(LinkResolver.scheme(of: path) == LinkResolver.characterScheme(of: path), "\(label)")
            let (pathPart, fragment) = LinkResolver.splitFragment(path)
            let (expectedPath, expectedFragment) = Self.characterSplitFragment(path)
            #expect(pathPart == expectedPath && fragment == expectedFragment, "\(label)")
        }
    }

    @Test("trimmed, percent-encoding, tags and heading ids as by Foundation and Characters")
    func strings() async {
        await fuzz(count: 2000, input: Self.text) { text in
            let label = Fuzz.describe(text)
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(label)")
            #expect(text.dropFirst().trimmed == text.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines), "\(label)")
            #expect(ASCIIBytes.percentEncoded(text, allowed: ASCIIBytes.urlFragmentAllowed, set: .urlFragmentAllowed)
                == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? text, "\(label)")
            #expect(ASCIIBytes.percentEncoded(text, allowed: ASCIIBytes.urlPathAllowed, set: .urlPathAllowed)
                == text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text, "\(label)")
            #expect(ASCIIBytes.percentDecoded(text) == text.removingPercentEncoding, "\(label)")
            #expect(ItemBuilder.normalisedTag(text) == text.lowercased().replacingOccurrences(of: " ", with: "-"), "\(label)")
            #expect(HeadingID.base(for: text) == Self.characterHeadingID(text), "\(label)")
            #expect(SearchDocument.collapsed(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(label)")
        }
    }

    @Test("trimmed where ASCII whitespace meets text that is not ASCII, as by Foundation")
    func trimmedBesideUnicode() {
        for text in [" \u{A0}a", "a\u{85} ", "\n\u{301}a", "é \n", " \té", "\r\n£5\r\n", "\u{2003}a\t", "a\u{301}\n", "\n\n", "\u{B}x\u{C}"] {
            #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(Fuzz.describe(text))")
        }
    }

    @Test("every ASCII byte, alone and between letters")
    func everyASCIIByte() {
        for byte in UInt8(0)..<0x80 {
            let character = String(UnicodeScalar(byte))
            for text in [character, "a\(character)b", "\(character)a:b", "a\(character)#\(character)", "../\(character)/x", "files/\(character)"] {
                let label = Fuzz.describe(text)
                #expect(text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(label)")
                #expect(LinkResolver.scheme(of: text) == LinkResolver.characterScheme(of: text), "\(label)")
                #expect(LinkResolver.contentPath(text, from: "a/b.md") == LinkResolver.characterContentPath(text, from: "a/b.md"), "\(label)")
                #expect(ASCIIBytes.percentEncoded(text, allowed: ASCIIBytes.urlFragmentAllowed, set: .urlFragmentAllowed)
                    == text.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? text, "\(label)")
                #expect(ASCIIBytes.percentEncoded(text, allowed: ASCIIBytes.urlPathAllowed, set: .urlPathAllowed)
                    == text.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? text, "\(label)")
                #expect(HeadingID.base(for: text) == Self.characterHeadingID(text), "\(label)")
                #expect(SearchDocument.collapsed(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "), "\(label)")
            }
        }
    }

    // MARK: - The rules as written

    static func characterSplitFragment(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        let fragment = String(destination[destination.index(after: hash)...])
        return (String(destination[..<hash]), fragment.removingPercentEncoding ?? fragment)
    }

    static func characterHeadingID(_ text: String) -> String {
        var id = ""
        for character in text.lowercased() {
            if character == " " {
                id.append("-")
            } else if character == "-" || character.isLetter || character.isNumber {
                id.append(character)
            }
        }
        return id.isEmpty ? "section" : id
    }
}
