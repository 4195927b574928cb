/// The `site.…` values one compiled template names, looked up once per render instead of on
/// every page.
///
/// Every page's `site` is the same dictionary (`SiteContext`'s shared values) with its own
/// `nav` added, and the built-in theme names about sixty `site.…` values per article page,
/// each a string hash per dotted part. A name whose second part is not `nav` gives
/// the same value on every page, so it is resolved here once; `CompiledPage` still looks in
/// each inner section's value first, so a section whose value has a `site` key of its own
/// shadows it exactly as before.
struct SiteConstants: Sendable {
    /// Each slot's value; nil where `site` lacks it.
    private let values: [TemplateValue?]
    /// What `{{name}}` writes for each slot holding a string or number, in each escaping
    /// (`writtenRanges`: start and end in `written` per slot and escaping, -1 for none), so
    /// the page appends the bytes without copying and escaping the value again.
    private let written: [UInt8]
    private let writtenRanges: [Int32]

    /// - Parameter site: the `site` value every page gets, less `nav` (`SiteContext.shared`).
    init(_ template: CompiledTemplate, site: TemplateRecord) {
        let resolved = template.siteNames.map { rest in
            site[rest[rest.startIndex]].flatMap { CompiledPage.descend(rest.dropFirst(), from: $0) }
        }
        var written: [UInt8] = []
        var ranges: [Int32] = []
        for value in resolved {
            for escaping in Self.escapings {
                switch value {
                case .text?, .number?:
                    var page = CompiledPage([:])
                    page.write(value, escaping)
                    ranges += [Int32(written.count), Int32(written.count + page.bytes.count)]
                    written += page.bytes
                default:
                    ranges += [-1, -1]
                }
            }
        }
        values = resolved
        self.written = written
        writtenRanges = ranges
    }

    subscript(slot: Int32) -> TemplateValue? { values[Int(slot)] }

    private static let escapings: [TemplateEscaping] = [.none, .html, .fastHTML]

    /// Where a slot's written bytes are in `written` (`withWritten`), or nil when they must be written from the value.
    static func writtenRange(_ slot: Int32, _ escaping: TemplateEscaping, in ranges: UnsafeBufferPointer<Int32>) -> Range<Int>? {
        let column = switch escaping { case .none: 0; case .html: 1; case .fastHTML: 2 }
        let at = (Int(slot) * escapings.count + column) * 2
        return ranges[at] < 0 ? nil : Int(ranges[at])..<Int(ranges[at + 1])
    }

    /// The written bytes and their ranges, borrowed for one page.
    func withWritten<Result>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<Int32>) -> Result) -> Result {
        written.withUnsafeBufferPointer { text in writtenRanges.withUnsafeBufferPointer { ranges in body(text, ranges) } }
    }

    /// The parts after `site` of a name that reads a shared value (`site.title`, `site.t.tags`),
    /// or nil: `site` alone and `site.nav…` differ from page to page.
    static func slot(of name: TemplateName) -> ArraySlice<String>? {
        guard name.scope == .stack, name.root == .site, name.parts.count > 1, name.parts[1] != "nav" else { return nil }
        return name.parts.dropFirst()
    }
}
