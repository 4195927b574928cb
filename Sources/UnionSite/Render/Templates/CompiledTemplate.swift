/// A template compiled at load: its operations with its partials, its parent layout and the
/// blocks it fills already in place, run over a `CompiledPage`.
///
/// The operation tree (`TemplateOperation`) is flattened into one array of plain
/// instructions, with the text, the names' parts and the indentations in tables beside it:
/// running a page then copies no array and counts no reference per operation, which made
/// the tree a few percent of a build slower than the hand-written Swift it replaced.
struct CompiledTemplate: Sendable {
    let instructions: [Instruction]
    /// Every text operation's bytes, one after another.
    let text: [UInt8]
    /// Every name's parts, one after another.
    let keys: [String]
    let indentations: [[UInt8]]
    /// The parts after `site` of each name that reads the site's shared values (`SiteConstants`),
    /// by the slot its instructions carry.
    let siteNames: [ArraySlice<String>]

    struct Instruction: Sendable {
        enum Kind: UInt8, Sendable { case text, value, section, inverted, indented }

        let kind: Kind
        var escaping = TemplateEscaping.none
        var scope = TemplateName.Scope.current
        var root: TemplateName.Root?
        /// text: its first byte in `text`; a name: its first part in `keys`.
        var start: Int32 = 0
        /// text: the byte after it; a name: how many parts it has.
        var count: Int32 = 0
        /// section, inverted, indented: the instruction after the body, which follows this one.
        var bodyEnd: Int32 = 0
        /// section, inverted, indented: the body's indentation in `indentations`, or -1.
        var indentation: Int32 = -1
        /// A `site.…` name's slot in `siteNames`, or -1 (`SiteConstants.slot(of:)` decides which names have one).
        var siteSlot: Int32 = -1
    }

    init(operations: [TemplateOperation]) {
        var assembler = Assembler()
        assembler.emit(operations)
        instructions = assembler.instructions
        text = assembler.text
        keys = assembler.keys
        indentations = assembler.indentations
        siteNames = assembler.siteNames
    }
}

private struct Assembler {
    typealias Instruction = CompiledTemplate.Instruction
    var instructions: [Instruction] = []
    var text: [UInt8] = []
    var keys: [String] = []
    var indentations: [[UInt8]] = []
    var siteNames: [ArraySlice<String>] = []
    private var siteSlots: [ArraySlice<String>: Int32] = [:]

    mutating func emit(_ operations: [TemplateOperation]) {
        for operation in operations {
            switch operation {
            case .text(let bytes):
                var instruction = Instruction(kind: .text)
                instruction.start = Int32(text.count)
                text += bytes
                instruction.count = Int32(text.count)
                instructions.append(instruction)
            case .value(let name, let escaping):
                var instruction = named(.value, name)
                instruction.escaping = escaping
                instructions.append(instruction)
            case .section(let name, let body, let indentation):
                emit(named(.section, name), body: body, indentation: indentation)
            case .inverted(let name, let body, let indentation):
                emit(named(.inverted, name), body: body, indentation: indentation)
            case .indented(let indentation, let body):
                emit(Instruction(kind: .indented), body: body, indentation: indentation)
            }
        }
    }

    private mutating func named(_ kind: Instruction.Kind, _ name: TemplateName) -> Instruction {
        var instruction = Instruction(kind: kind)
        instruction.scope = name.scope
        instruction.root = name.root
        instruction.start = Int32(keys.count)
        instruction.count = Int32(name.parts.count)
        keys += name.parts
        if let rest = SiteConstants.slot(of: name) {
            instruction.siteSlot = siteSlots[rest] ?? {
                siteNames.append(rest)
                siteSlots[rest] = Int32(siteNames.count - 1)
                return Int32(siteNames.count - 1)
            }()
        }
        return instruction
    }

    private mutating func emit(_ head: Instruction, body: [TemplateOperation], indentation: [UInt8]?) {
        var head = head
        let index = instructions.count
        instructions.append(head)
        emit(body)
        head.bodyEnd = Int32(instructions.count)
        if let indentation {
            head.indentation = Int32(indentations.count)
            indentations.append(indentation)
        }
        instructions[index] = head
    }
}
