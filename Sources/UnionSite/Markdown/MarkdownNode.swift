import Ccmark
import Foundation

/// A thin view of a `cmark_node*`, with the accessors the passes need.
struct MarkdownNode: Hashable {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    var type: cmark_node_type { cmark_node_get_type(pointer) }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }
    var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }
    var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }
    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    // Strings go to cmark through `withCString`: the implicit String-to-pointer conversion
    // copied every small string (most markup: `<tr>`, `</td>`, "") into a new heap array.
    func setURL(_ url: String) { url.withCString { cmark_node_set_url(pointer, $0) } }
    func setMarkup(enter: String, exit: String) {
        enter.withCString { cmark_node_set_on_enter(pointer, $0) }
        exit.withCString { cmark_node_set_on_exit(pointer, $0) }
    }

    /// What a custom node is to the passes that read text (glossary, search, abbreviations).
    /// Kept in cmark's user data, so it travels with the node.
    enum Role: Int {
        /// Our own markup around text that is the author's (a table cell, an alert, a footnote):
        /// read like body text.
        case container = 1
        /// An author's `<abbr>`: body text, but never wrapped in another abbreviation.
        case abbreviation = 2
    }

    /// Nil for every node but the custom ones the guidance syntax marks.
    var role: Role? {
        get { Role(rawValue: userBits & Self.roleMask) }
        nonmutating set { userBits = (userBits & ~Self.roleMask) | (newValue?.rawValue ?? 0) }
    }

    /// For the root of a subtree that came from a fragment parse (`MarkdownDocument.adopt`),
    /// which of its document's fragments it came from; nil for every other node. Kept beside
    /// the role, so a walk finds a node's fragment without a table keyed by node.
    var fragmentIndex: Int? {
        get {
            let stored = userBits >> Self.fragmentShift
            return stored == 0 ? nil : stored - 1
        }
        nonmutating set { userBits = (userBits & Self.roleMask) | ((newValue.map { $0 + 1 } ?? 0) << Self.fragmentShift) }
    }

    private static let roleMask = 0xFF
    private static let fragmentShift = 8

    /// cmark's user data, used as bits (never as a pointer).
    private var userBits: Int {
        get { cmark_node_get_user_data(pointer).map { Int(bitPattern: $0) } ?? 0 }
        nonmutating set { cmark_node_set_user_data(pointer, UnsafeMutableRawPointer(bitPattern: newValue)) }
    }

    /// The literal's bytes in cmark's own storage (the arena): valid while the node and its
    /// literal stay as they are. (cmark's `char` and `UInt8` may alias: signed and unsigned
    /// variants of one integer type.)
    var literalBytes: UnsafeBufferPointer<UInt8> {
        guard let literal = cmark_node_get_literal(pointer) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    /// The literal's bytes without making a `String` (text nodes are scanned far more often
    /// than they are changed).
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard let literal = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(literal))) }
    }

    func append(_ child: MarkdownNode) { cmark_node_append_child(pointer, child.pointer) }
    /// Puts this node just before `sibling`.
    func place(before sibling: MarkdownNode) { cmark_node_insert_before(sibling.pointer, pointer) }
    func unlink() { cmark_node_unlink(pointer) }

    /// Moves every child of `other` into this node, in order.
    func adoptChildren(of other: MarkdownNode) {
        while let child = other.firstChild {
            child.unlink()
            append(child)
        }
    }
    func setLiteral(_ text: String) { text.withCString { cmark_node_set_literal(pointer, $0) } }

    var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let current = child {
            result.append(current)
            child = current.next
        }
        return result
    }

    /// The plain text inside a node: text, code and line breaks, as the heading-id rule reads it.
    /// (Link texts are gathered in one walk by `OpenLinkTexts`: asking each nested link would be quadratic.)
    var plainText: String {
        // cmark's iterator, not recursion: a heading may hold images nested thousands deep.
        var text = ""
        let iterator = cmark_iter_new(pointer)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator).map(MarkdownNode.init) else { continue }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// A new node, in the thread's `CmarkArena` like the document it goes into.
    static func make(_ type: cmark_node_type) -> MarkdownNode { MarkdownNode(cmark_node_new_with_mem(type, CmarkArena.mem)) }

    static func text(_ literal: String) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        node.setLiteral(literal)
        return node
    }

    /// A text node holding `bytes` (UTF-8 without a NUL), copied to cmark through a buffer on
    /// the stack: no `String` made for it.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode {
        let node = make(CMARK_NODE_TEXT)
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            bytes.withMemoryRebound(to: CChar.self) { _ = buffer.initialize(fromContentsOf: $0) }
            buffer[bytes.count] = 0
            cmark_node_set_literal(node.pointer, buffer.baseAddress)
        }
        return node
    }

    /// Markup written out as it is, even in safe mode (`CUSTOM_INLINE` / `CUSTOM_BLOCK`).
    static func custom(_ type: cmark_node_type, enter: String, exit: String, role: Role? = nil) -> MarkdownNode {
        let node = make(type)
        node.role = role
        node.setMarkup(enter: enter, exit: exit)
        return node
    }
}
