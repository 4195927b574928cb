/// The output and the context stack of one page rendered by a `CompiledTemplate`.
///
/// It reads the same `[String: Any]` values swift-mustache gets and follows swift-mustache's
/// rules for them: a name is looked up from the innermost section outwards, dotted names
/// descend into dictionaries, a list repeats its section, `true` runs it once without a new
/// context, `false`, nil and an empty list skip it. What it saves is swift-mustache's
/// per-lookup work: splitting the name, and up to four protocol casts per stack level.
///
/// The values the renderer passes are strings, integers, booleans, dictionaries and lists
/// of them. A value of any other type (a lambda, a set, a struct read by reflection) sets
/// `needsReference`, and the page is then rendered by swift-mustache instead (`TemplateSet`).
struct CompiledPage {
    private(set) var bytes: [UInt8] = []
    /// Whether the page met a value this runtime does not model; its bytes are then not to be used.
    private(set) var needsReference = false
    /// Each section's value, the page's data first; dictionaries are cast once, when pushed.
    private var stack: [Frame]
    /// The dictionaries in `stack`, where names are looked up, the page's data first. Kept apart
    /// because a lookup (a third of the template runtime's samples) copied each `Frame` it
    /// passed, through the runtime's value witnesses for an enum holding an `Any`.
    private var scopes: [[String: Any]]

    enum Frame {
        case dictionary([String: Any])
        /// A string, number, flag or list: it has no names to look up.
        case leaf(Any)

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .leaf(let value): value
            }
        }
    }

    /// The page's `page` and `site`, cast once: most lookups start with one of them.
    private let rootPage: [String: Any]?
    private let rootSite: [String: Any]?
    /// The template's `site.…` values, resolved once per render; only for data whose `site` is
    /// the shared values they were resolved from plus `nav` (`Renderer.render`).
    private let siteConstants: SiteConstants?

    init(_ data: [String: Any], site siteConstants: SiteConstants? = nil) {
        self.siteConstants = siteConstants
        stack = [.dictionary(data)]
        scopes = [data]
        rootPage = data["page"] as? [String: Any]
        rootSite = data["site"] as? [String: Any]
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

    mutating func markNeedsReference() { needsReference = true }

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
    private mutating func section(_ value: Any?, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        guard let value else { return }
        // The kinds pages hold most first: each failed `as?` is a walk through the runtime's casts.
        if let flag = value as? Bool {
            if flag { run(program, body, indentation: indentation) }
        } else if let list = value as? [[String: Any]] {
            for item in list { nested(.dictionary(item), program, body, indentation) }
        } else if let text = value as? String {
            nested(.leaf(text), program, body, indentation)
        } else if let dictionary = value as? [String: Any] {
            nested(.dictionary(dictionary), program, body, indentation)
        } else if let list = value as? [String] {
            for item in list { nested(.leaf(item), program, body, indentation) }
        } else if let list = value as? [Any] {
            for item in list { nested(frame(item), program, body, indentation) }
        } else {
            nested(frame(value), program, body, indentation)
        }
    }

    /// `{{^name}}`: only for nil, `false` or an empty list (which becomes the innermost context).
    private mutating func inverted(_ value: Any?, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        guard let value else { return run(program, body, indentation: indentation) }
        if let flag = value as? Bool {
            if !flag { run(program, body, indentation: indentation) }
        } else if let isEmpty = TemplateValue.isEmptyList(value) {
            if isEmpty { nested(.leaf(value), program, body, indentation) }
        } else {
            // Any other value skips the section; `frame` flags one this runtime does not model.
            _ = frame(value)
        }
    }

    private mutating func nested(_ frame: Frame, _ program: Program, _ body: Range<Int>, _ indentation: Int) {
        stack.append(frame)
        if case .dictionary(let dictionary) = frame { scopes.append(dictionary) }
        run(program, body, indentation: indentation)
        if case .dictionary = stack.removeLast() { scopes.removeLast() }
    }

    /// A value as a context; anything but a dictionary, string, number, flag or list sets `needsReference`.
    private mutating func frame(_ value: Any) -> Frame {
        if let dictionary = value as? [String: Any] { return .dictionary(dictionary) }
        if !Self.isLeaf(value) { needsReference = true }
        return .leaf(value)
    }

    // MARK: - Lookup

    private mutating func value(_ name: CompiledTemplate.Instruction, _ keys: UnsafeBufferPointer<String>) -> Any? {
        let parts = keys[Int(name.start)..<Int(name.start + name.count)]
        switch name.scope {
        case .current:
            return stack[stack.count - 1].value
        case .innermost:
            return descend(parts, from: stack[stack.count - 1].value)
        case .stack:
            let first = parts[parts.startIndex]
            let constant = name.siteSlot >= 0 && siteConstants != nil
            if !constant, scopes.count == 1, parts.count > 1, let root = name.root, let dictionary = root == .page ? rootPage : rootSite {
                return dictionary[parts[parts.startIndex + 1]].flatMap { descend(parts.dropFirst(2), from: $0) }
            }
            if let found = sectionValue(first, above: constant ? 0 : -1) { return descend(parts.dropFirst(), from: found) }
            // No section's value has a `site` of its own: the page's, resolved once per render.
            guard constant, let siteConstants else { return nil }
            switch siteConstants[name.siteSlot] {
            case .value(let value): return value
            case .missing: return nil
            case .unmodelled: needsReference = true; return nil
            }
        }
    }

    /// The innermost value of `key` in the context stack's dictionaries above `scopes[above]`
    /// (-1: all of them; 0: all but the page's data).
    private func sectionValue(_ key: String, above: Int) -> Any? {
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
    private mutating func descend(_ parts: Slice<UnsafeBufferPointer<String>>, from value: Any) -> Any? {
        Self.descend(parts, from: value, unmodelled: &needsReference)
    }

    /// The rest of a dotted name, inside `value` only; sets `unmodelled` when it meets a value
    /// this runtime does not model (`needsReference`).
    static func descend<Parts: Sequence<String>>(_ parts: Parts, from value: Any, unmodelled: inout Bool) -> Any? {
        var value = value
        for part in parts {
            guard let dictionary = value as? [String: Any] else {
                if !isLeaf(value) { unmodelled = true }
                return nil
            }
            guard let child = dictionary[part] else { return nil }
            value = child
        }
        return value
    }
}
