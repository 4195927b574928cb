/// The output and the context stack of one page rendered by a `CompiledTemplate`.
///
/// It reads the page's `TemplateValue`s as swift-mustache reads the same values given as `Any`
/// (`TemplateValue.anyValue`): a name is looked up from the innermost section outwards,
/// dotted names descend into records, a list repeats its section, `true` runs it once without
/// a new context, `false`, nil and an empty list skip it. What it saves is swift-mustache's
/// per-lookup work: splitting the name, and up to four protocol casts per stack level.
struct CompiledPage {
    private(set) var bytes: [UInt8] = []
    /// The records in the context stack, where names are looked up, the page's data first.
    private var scopes: [TemplateRecord]
    /// The innermost section's value (`{{.}}`), when it is not the innermost record: a string,
    /// number, flag or list pushes no record, yet is what `{{.}}` writes.
    private var leaves: [Leaf]

    /// A section's value that is not a record, and how many records were in scope under it.
    private struct Leaf {
        let value: TemplateValue
        let scopeCount: Int
    }

    /// The page's `page` and `site`: most lookups start with one of them.
    private let rootPage: TemplateRecord?
    private let rootSite: TemplateRecord?
    /// The template's `site.…` values, resolved once per render; only for data whose `site` is
    /// the shared values they were resolved from plus `nav` (`Renderer.render`).
    private let siteConstants: SiteConstants?

    init(_ data: TemplateRecord, site siteConstants: SiteConstants? = nil) {
        self.siteConstants = siteConstants
        scopes = [data]
        leaves = []
        if case .record(let page) = data["page"] { rootPage = page } else { rootPage = nil }
        if case .record(let site) = data["site"] { rootSite = site } else { rootSite = nil }
        bytes.reserveCapacity(16_384)
    }

    mutating func run(_ template: CompiledTemplate) {
        guard let siteConstants else {
            return run(template, written: UnsafeBufferPointer(start: nil, count: 0), writtenRanges: UnsafeBufferPointer(start: nil, count: 0))
        }
        siteConstants.withWritten { run(template, written: $0, writtenRanges: $1) }
    }

    private mutating func run(_ template: CompiledTemplate, written: UnsafeBufferPointer<UInt8>, writtenRanges: UnsafeBufferPointer<Int32>) {
        template.instructions.withUnsafeBufferPointer { instructions in
            template.text.withUnsafeBufferPointer { text in
                template.keys.withUnsafeBufferPointer { keys in
                    let program = Program(instructions: instructions, text: text, keys: keys, indentations: template.indentations,
                                          written: written, writtenRanges: writtenRanges)
                    run(program, 0..<instructions.count, indentation: -1)
                }
            }
        }
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: buffer) }

    /// `HTML.escape` of the bytes, written straight into the page.
    mutating func appendEscapedHTML(_ utf8: UnsafeBufferPointer<UInt8>) { HTML.escape(utf8, into: &bytes) }

    // MARK: - Instructions

    /// A `CompiledTemplate`'s tables, borrowed for one page.
    private struct Program {
        let instructions: UnsafeBufferPointer<CompiledTemplate.Instruction>
        let text: UnsafeBufferPointer<UInt8>
        let keys: UnsafeBufferPointer<String>
        let indentations: [[UInt8]]
        /// `SiteConstants`' written values (empty without them).
        let written: UnsafeBufferPointer<UInt8>
        let writtenRanges: UnsafeBufferPointer<Int32>
    }

    /// One template rendering. With an indentation, swift-mustache's rule: any instruction that
    /// writes something right after a line end of this rendering's own output is indented.
    private mutating func run(_ program: Program, _ range: Range<Int>, indentation: Int) {
        let start = bytes.count
        var index = range.lowerBound
        while index < range.upperBound {
            let instruction = program.instructions[index]
            let before = bytes.count
            switch instruction.kind {
            case .text:
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[Int(instruction.start)..<Int(instruction.count)]))
            case .value:
                if instruction.siteSlot >= 0, siteConstants != nil, !siteShadowed(instruction, program.keys),
                   let range = SiteConstants.writtenRange(instruction.siteSlot, instruction.escaping, in: program.writtenRanges) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: program.written[range]))
                } else {
                    write(value(instruction, program.keys), instruction.escaping)
                }
            case .section:
                section(value(instruction, program.keys), program, index + 1..<Int(instruction.bodyEnd), Int(instruction.indentation))
            case .inverted:
                inverted(value(instruction, program.keys), program, index + 1..<Int(instruction.bodyEnd), Int(instruction.indentation))
            case .indented:
                run(program, index + 1..<Int(instruction.bodyEnd), indentation: Int(instruction.indentation))
            }
            index = instruction.kind == .text || instruction.kind == .value ? index + 1 : Int(instruction.bodyEnd)
            if indentation >= 0, bytes.count > before, endsLine(from: start, to: before) {
                bytes.insert(contentsOf: program.indentations[indentation], at: before)
            }
        }
    }

    /// Whether the output since `start` ends with a line end (`\r\n` is not one, for Swift's `Character`).
    private func endsLine(from start: Int, to end: Int) -> Bool {
        guard end > start, bytes[end - 1] == UInt8(ascii: "\n") else { return false }
        return end - 1 == start || bytes[end - 2] != UInt8(ascii: "\r")
    }

    // MARK: - Sections

    /// `{{#name}}`: once per list item, once for `true` (in the same context) or any other value
    /// (which becomes the innermost context), never for nil, `false` or an empty list.
    private mutating func section(_ value: TemplateValue?, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        switch value {
        case nil: return
        case .flag(let flag)?: if flag { run(program, body, indentation: indentation) }
        case .list(let items)?: for item in items { nested(item, program, body, indentation) }
        case let value?: nested(value, program, body, indentation)
        }
    }

    /// `{{^name}}`: only for nil, `false` or an empty list (which becomes the innermost context).
    private mutating func inverted(_ value: TemplateValue?, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        switch value {
        case nil: run(program, body, indentation: indentation)
        case .flag(let flag)?: if !flag { run(program, body, indentation: indentation) }
        case .list(let items)? where items.isEmpty: nested(.list(items), program, body, indentation)
        default: return
        }
    }

    /// Runs a section's body with `value` as the innermost context.
    private mutating func nested(_ value: TemplateValue, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        if case .record(let record) = value {
            scopes.append(record)
            run(program, body, indentation: indentation)
            scopes.removeLast()
        } else {
            leaves.append(Leaf(value: value, scopeCount: scopes.count))
            run(program, body, indentation: indentation)
            leaves.removeLast()
        }
    }

    // MARK: - Lookup

    /// The innermost context's value: a leaf pushed after the innermost record, or that record.
    private var current: TemplateValue {
        if let leaf = leaves.last, leaf.scopeCount == scopes.count { return leaf.value }
        return .record(scopes[scopes.count - 1])
    }

    private func value(_ name: CompiledTemplate.Instruction, _ keys: UnsafeBufferPointer<String>) -> TemplateValue? {
        let parts = keys[Int(name.start)..<Int(name.start + name.count)]
        switch name.scope {
        case .current:
            return current
        case .innermost:
            return Self.descend(parts, from: current)
        case .stack:
            let first = parts[parts.startIndex]
            let constant = name.siteSlot >= 0 && siteConstants != nil
            if !constant, scopes.count == 1, parts.count > 1, let root = name.root, let record = root == .page ? rootPage : rootSite {
                return record[parts[parts.startIndex + 1]].flatMap { Self.descend(parts.dropFirst(2), from: $0) }
            }
            if let found = sectionValue(first, above: constant ? 0 : -1) { return Self.descend(parts.dropFirst(), from: found) }
            // No section's value has a `site` of its own: the page's, resolved once per render.
            guard constant, let siteConstants else { return nil }
            return siteConstants[name.siteSlot]
        }
    }

    /// The innermost value of `key` in the context stack's records above `scopes[above]`
    /// (-1: all of them; 0: all but the page's data).
    private func sectionValue(_ key: String, above: Int) -> TemplateValue? {
        var level = scopes.count - 1
        while level > above {
            if let found = scopes[level][key] { return found }
            level -= 1
        }
        return nil
    }

    /// Whether a section's value has the `site` a `site.…` name starts with, hiding the page's.
    private func siteShadowed(_ name: CompiledTemplate.Instruction, _ keys: UnsafeBufferPointer<String>) -> Bool {
        scopes.count > 1 && sectionValue(keys[Int(name.start)], above: 0) != nil
    }

    /// The rest of a dotted name, inside `value` only.
    static func descend<Parts: Sequence<String>>(_ parts: Parts, from value: TemplateValue) -> TemplateValue? {
        var value = value
        for part in parts {
            guard case .record(let record) = value, let child = record[part] else { return nil }
            value = child
        }
        return value
    }
}
