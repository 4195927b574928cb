import PropertyBased
import Testing
@testable import UnionSite

/// Fuzz target 1: `FrontMatter.split` on arbitrary text.
@Suite("Fuzz: front-matter splitting")
struct FrontMatterFuzzTests {
    static let tokens = ["---", "---", "---", "...", "--- ", "---\t", "----", "-- -", " ---", "..", "title: x", "a", " ", "\t", "#"]
        + FuzzGen.newlines + FuzzGen.newlines + FuzzGen.oddCharacters + Array(exoticBreaks)

    /// Characters Swift calls newlines but cmark, editors and `TextFileReader` do not: they
    /// must not end a line (`exoticLineBreaks`).
    static let exoticBreaks: Set<String> = ["\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    /// Arbitrary mixes of fences, line breaks, BOMs and Unicode.
    static let arbitrary = FuzzGen.soup(tokens, length: 0...40)

    /// A well-formed file: opening fence, YAML lines, a closing fence, a body; the lines and
    /// line breaks vary, and the expected split is known.
    static let wellFormed = zip(
        Gen.bool,                                                              // BOM
        Gen<String?>.element(of: FuzzGen.newlines).map { $0! },                // line break
        FuzzGen.soup(["title: x", "a", " ", "\t", "-", ".", "é", "👩‍👩‍👧", "'", "\""], length: 0...6).array(of: 0...5),  // YAML lines
        Gen<String?>.element(of: ["---", "...", "---  ", "...\t"]).map { $0! }, // closing fence
        FuzzGen.soup(["---", "\n", "\r\n", "text", " ", "é", "\u{FEFF}"], length: 0...10)  // body
    )

    @Test("arbitrary text: never crashes; on success the body is a suffix on the counted line")
    func arbitraryText() async {
        await fuzz(count: 400, input: Self.arbitrary) { text in
            Self.checkSplit(text)
        }
    }

    @Test("a well-formed file splits into exactly its YAML and body")
    func wellFormedFiles() async {
        await fuzz(count: 300, input: Self.wellFormed) { bom, newline, yamlLines, fence, body in
            // "\r" then "\n" would be one CRLF line break, not a line break and a blank line.
            let body = newline == "\r" && body.hasPrefix("\n") ? "x" + body : body
            let yamlLines = yamlLines.filter { !["---", "..."].contains($0.trimmingTrailingSpacesForTest) }
            let yaml = yamlLines.map { $0 + newline }.joined()
            let text = (bom ? "\u{FEFF}" : "") + "---" + newline + yaml + fence + newline + body
            guard case .success(let parts) = FrontMatter.split(text) else {
                Issue.record("did not split: \(Fuzz.describe(text))")
                return
            }
            #expect(parts.yaml == yaml)
            #expect(parts.yamlFirstLine == 2)
            #expect(Array(parts.body.unicodeScalars) == Array(body.unicodeScalars))
            #expect(parts.bodyFirstLine == 3 + yamlLines.count)
            Self.checkSplit(text)
        }
    }

    @Test("the corpus splits without crashing, with consistent line numbers")
    func corpus() {
        let files = Fuzz.corpus("front-matter")
        #expect(!files.isEmpty)
        for file in files { Self.checkSplit(file.text, name: file.name) }
    }

    @Test("exotic line breaks (VT, FF, NEL, LS, PS) neither end a fence line nor count as lines")
    func exoticLineBreaks() {
        // Minimal: in "---\n\u{2028}---\nBody\n" line 2 is "\u{2028}---" for cmark and editors,
        // no fence; the splitter sees an empty line 2 and a fence on line 3, and puts the body
        // on line 4 (it is on line 3).
        Self.checkSplit("---\n\u{2028}---\nBody\n")
        #expect(FrontMatter.split("---\u{0C}---\nBody\n") == .failure(.missingOpeningFence))
        #expect(FrontMatter.split("---\n\u{2028}---\nBody\n") == .failure(.missingClosingFence))
    }

    /// The properties every input must keep.
    static func checkSplit(_ text: String, name: String? = nil) {
        let label = name ?? Fuzz.describe(text)
        switch FrontMatter.split(text) {
        case .failure(.empty):
            // Only white space (a combining mark joins the character before it) and BOMs.
            #expect(text.unicodeScalars.allSatisfy { $0 == "\u{FEFF}" || $0.properties.isWhitespace || $0.properties.generalCategory == .nonspacingMark },
                    "\(label)")
        case .failure:
            break
        case .success(let parts):
            let scalars = Array(text.unicodeScalars)
            let body = Array(parts.body.unicodeScalars)
            // The body is the input's tail, untouched.
            #expect(body.count <= scalars.count && Array(scalars.suffix(body.count)) == body, "body is not a suffix: \(label)")
            // Its first line is one past the lines consumed before it, counted as cmark counts
            // them (LF, CR, CRLF); a last fence without a line break is a line too.
            let consumed = String(String.UnicodeScalarView(scalars.prefix(scalars.count - body.count)))
            let endsWithBreak = consumed.unicodeScalars.last.map { $0 == "\n" || $0 == "\r" } ?? true
            let lines = Fuzz.lineBreaks(in: consumed) + (endsWithBreak ? 0 : 1)
            #expect(parts.bodyFirstLine == 1 + lines, "bodyFirstLine \(parts.bodyFirstLine), but \(lines) lines come before the body: \(label)")
            // The YAML sits inside the consumed part, after the opening fence's line.
            #expect(consumed.unicodeScalars.count >= parts.yaml.unicodeScalars.count, "\(label)")
            #expect(parts.yamlFirstLine == 2)
        }
    }
}

extension String {
    /// The fence test's trimming (trailing spaces and tabs), for generators that must avoid
    /// making a fence.
    var trimmingTrailingSpacesForTest: Substring {
        var line = Substring(self)
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }
}
