/// Footnote definitions (`[^label]: note`) and abbreviations (`*[MAT]: multi-academy trust`),
/// taken out of a body's lines before cmark sees it.
///
/// They must go first: cmark reads `[^x]: https://…` as a link reference definition (the note
/// vanishes and `[^x]` becomes a link), and `*[MAT]:` as emphasis. Their lines are blanked, not
/// removed, so every other line keeps its number. Lines inside fenced code stay as they are.
struct Definitions {
    struct Footnote {
        let label: String
        /// The label as references are matched: case-folded.
        let key: String
        /// The note's lines, its indentation taken off, as one text to parse.
        let text: String
        /// Where each line of `text` is in the body.
        let lines: [LineOrigin]
        /// The definition's line and column in the body.
        let line: Int
        let column: Int
    }

    struct Abbreviation {
        let abbreviation: String
        let expansion: String
        let line: Int
        let column: Int
    }

    /// The body's UTF-8 with the definitions' lines blanked, as cmark is fed it (no `String`
    /// made in between).
    var bytes: [UInt8]
    var footnotes: [Footnote] = []
    var abbreviations: [Abbreviation] = []
    /// Where each line of `bytes` starts, when the lines were found here (a body that may hold
    /// definitions): the document takes them instead of searching the bytes again.
    var lineStarts: [Int]?

    static func extract(_ text: String) -> Definitions {
        var result = Definitions(bytes: text.utf8Bytes)
        // Nearly every body has neither: no line is looked at.
        guard SourceLines.contains(result.bytes, "[^") || SourceLines.contains(result.bytes, "*[") else { return result }
        // The lines share the bytes until this closure returns; after it, the blanking below
        // writes into them in place instead of copying the body.
        let (found, ranges) = { () -> (Found, [Range<Int>]) in
            let lines = SourceLines.Lines(result.bytes)
            return (find(in: lines), lines.ranges)
        }()
        result.footnotes = found.footnotes
        result.abbreviations = found.abbreviations
        result.lineStarts = SourceLines.blank(found.blanked, of: ranges, in: &result.bytes)
        return result
    }

    private struct Found {
        var footnotes: [Footnote] = []
        var abbreviations: [Abbreviation] = []
        /// The lines the definitions take, ascending.
        var blanked: [Int] = []
    }

    private static func find(in lines: SourceLines.Lines) -> Found {
        var result = Found()
        var fences = FenceTracker()
        let visits = openerLines(in: lines)
        var nextVisit = 0
        var index = 0
        while index < lines.count {
            if let visits {
                while nextVisit < visits.count, visits[nextVisit] < index { nextVisit += 1 }
                guard nextVisit < visits.count else { break }
                index = visits[nextVisit]
            }
            // Only a fence, or a line starting `*[` or `[^`, needs a closer look (and its bytes
            // as a slice).
            let first = lines.firstByte(index) { $0 != 32 }
            if fences.isOpen || first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first == UInt8(ascii: ">") || first == 9,
               fences.consume(lines[index]) {
                index += 1
                continue
            }
            guard first == UInt8(ascii: "*") || first == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            if let abbreviation = abbreviation(in: lines[index], number: index + 1) {
                result.abbreviations.append(abbreviation)
                result.blanked.append(index)
            } else if let (footnote, used) = footnote(in: lines, at: index) {
                result.footnotes.append(footnote)
                result.blanked.append(contentsOf: index..<(index + used))
                index += used
                continue
            }
            index += 1
        }
        return result
    }

    /// The lines holding `[^` or `*[`, ascending, when no fence can open (no three backticks or
    /// tildes in a row anywhere): only those lines can start a definition, so the others need
    /// no look. Nil when a fence may open: then every line is read, to follow the fences.
    private static func openerLines(in lines: SourceLines.Lines) -> [Int]? {
        lines.bytes.withUnsafeBufferPointer { text -> [Int]? in
            guard !ByteSearch.contains(Array("```".utf8), in: text), !ByteSearch.contains(Array("~~~".utf8), in: text) else { return nil }
            var found: [Int] = []
            for opener in [footnoteOpener, abbreviationOpener] {
                var from = 0
                while let at = ByteSearch.firstIndex(of: opener, in: text, from: from) {
                    found.append(lines.index(containing: at))
                    from = at + 1
                }
            }
            return found.sorted()
        }
    }

    /// `*[ABBR]: expansion`, indented at most three spaces.
    private static func abbreviation(in line: ArraySlice<UInt8>, number: Int) -> Abbreviation? {
        guard let (label, rest, column) = labelled(line, opener: abbreviationOpener) else { return nil }
        // ASCII spaces cut here, so that `trimmed` finds nothing to do (Foundation's trimming,
        // which it falls back on, cost more than the rest of finding definitions).
        let expansion = String(decoding: SourceLines.trimmingASCIISpaces(rest), as: UTF8.self).trimmed
        return Abbreviation(abbreviation: label, expansion: expansion, line: number, column: column)
    }

    /// `[^label]: note` and the lines that continue it: indented ones (after blank lines too),
    /// and lazy ones straight after the note's text.
    private static func footnote(in lines: SourceLines.Lines, at index: Int) -> (Footnote, Int)? {
        let first = lines[index]
        guard let (label, rest, column) = labelled(first, opener: footnoteOpener), !containsWhitespace(label) else { return nil }
        var text = [String(decoding: rest.drop { $0 == 32 || $0 == 9 }, as: UTF8.self)]
        var origins = [LineOrigin(line: index + 1, shift: rest.startIndex - first.startIndex + (rest.prefix { $0 == 32 || $0 == 9 }.count))]
        var used = 1
        var pending: [Int] = []
        var lastWasText = !text[0].trimmed.isEmpty
        var next = index + 1
        while next < lines.count {
            let line = lines[next]
            if SourceLines.isBlank(line) {
                pending.append(next)
                lastWasText = false
            } else if let stripped = SourceLines.dropIndent(line, columns: 4) {
                for blank in pending {
                    text.append("")
                    origins.append(LineOrigin(line: blank + 1, shift: 0))
                }
                pending = []
                text.append(String(decoding: stripped, as: UTF8.self))
                origins.append(LineOrigin(line: next + 1, shift: stripped.startIndex - line.startIndex))
                used = next - index + 1
                lastWasText = true
            } else if lastWasText, pending.isEmpty, !SourceLines.startsBlock(line) {
                text.append(String(decoding: line, as: UTF8.self))
                origins.append(LineOrigin(line: next + 1, shift: 0))
                used = next - index + 1
            } else {
                break
            }
            next += 1
        }
        let footnote = Footnote(label: label, key: label.lowercased(), text: text.count == 1 ? text[0] : text.joined(separator: "\n"), lines: origins,
                                line: index + 1, column: column)
        return (footnote, used)
    }

    /// `Character.isWhitespace`, byte by byte when the label is ASCII (nearly always).
    private static func containsWhitespace(_ label: String) -> Bool {
        let utf8 = label.utf8
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return label.contains(where: \.isWhitespace) }
        return utf8.contains { $0 == 32 || (9...13).contains($0) }
    }

    private static let abbreviationOpener = Array("*[".utf8)
    private static let footnoteOpener = Array("[^".utf8)

    /// `opener label]:` at the start of a line indented at most three spaces: the label, what
    /// follows the colon, and the opener's column.
    private static func labelled(_ line: ArraySlice<UInt8>, opener: [UInt8]) -> (String, ArraySlice<UInt8>, Int)? {
        let indent = line.prefix { $0 == 32 }.count
        guard indent <= 3 else { return nil }
        let start = line.startIndex + indent
        guard line.count >= indent + opener.count + 3, line[start..<(start + opener.count)].elementsEqual(opener) else { return nil }
        let labelStart = start + opener.count
        guard let close = line[labelStart...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: "[") }),
              line[close] == UInt8(ascii: "]"), close > labelStart, close + 1 < line.endIndex, line[close + 1] == UInt8(ascii: ":")
        else { return nil }
        let label = String(decoding: line[labelStart..<close], as: UTF8.self)
        guard !label.trimmed.isEmpty else { return nil }
        return (label, line[(close + 2)...], indent + 1)
    }
}
