import Foundation

/// A body's HTML, made in the Link stage from the same parse that collected its facts, with a
/// slot where each internal link's href goes.
///
/// Those hrefs are known only once every page's anchors are, after all bodies are read; the
/// rest of the HTML is not. Rendering with slots and filling them at render time is what lets
/// each body be parsed once per build instead of once per stage (issue 21).
struct SlottedHTML: Sendable, Equatable {
    /// The HTML with every slot cut out.
    let text: String
    /// Where each href goes, in ascending UTF-8 offsets into `text`.
    let slots: [Slot]

    struct Slot: Sendable, Equatable {
        let offset: Int
        /// The destination as written, whose href fills the slot.
        let destination: String
    }

    /// What a slot is rendered as before it is cut out: this marker, then the slot's number.
    /// The marker is random per process, so no author text can forge one; it is made only of
    /// letters and digits, which cmark's href escaping leaves as they are. It starts with a
    /// letter rare in text (`q`): the search stops at each byte like its first.
    static let marker: String = {
        var generator = SystemRandomNumberGenerator()
        let random = String(generator.next(), radix: 16)
        return "qzu" + String(repeating: "0", count: 16 - random.count) + random + "q"
    }()

    /// The placeholder URL for the `number`th destination a body's renderer asked for.
    static func placeholder(_ number: Int) -> String { marker + String(number) }

    /// Cuts the placeholders out of HTML rendered with them.
    /// - Parameter destinations: the destination each placeholder number stands for.
    /// - Returns: nil if a placeholder's number is not one of them (the body is then rendered afresh).
    init?(rendered: String, destinations: [String]) {
        var rendered = rendered
        guard let slotted = rendered.withUTF8({ SlottedHTML(rendered: $0, destinations: destinations) }) else { return nil }
        self = slotted
    }

    /// The same from the HTML's bytes as cmark wrote them: the text is made once, from the
    /// pieces between placeholders (a `String` of the whole HTML first, then one of the
    /// pieces, copied every body twice). cmark's HTML is valid UTF-8 (it validates what it
    /// reads), so the string holds these bytes as they are and the slots' offsets are its own.
    init?(rendered html: UnsafeBufferPointer<UInt8>, destinations: [String]) {
        guard let found = Self.placeholders(in: html, count: destinations.count) else { return nil }
        let length = html.count - found.reduce(0) { $0 + $1.range.count }
        var slots: [Slot] = []
        slots.reserveCapacity(found.count)
        text = String(unsafeUninitializedCapacity: length) { text in
            var written = 0
            var cursor = 0
            func copy(_ range: Range<Int>) {
                guard !range.isEmpty, let from = html.baseAddress, let to = text.baseAddress else { return }
                (to + written).initialize(from: from + range.lowerBound, count: range.count)
                written += range.count
            }
            for (range, destination) in found {
                copy(cursor..<range.lowerBound)
                slots.append(Slot(offset: written, destination: destinations[destination]))
                cursor = range.upperBound
            }
            copy(cursor..<html.count)
            return written
        }
        self.slots = slots
    }

    /// Where each placeholder is in the HTML and which destination it stands for; nil when a
    /// number is not below `count`.
    private static func placeholders(in html: UnsafeBufferPointer<UInt8>, count: Int) -> [(range: Range<Int>, destination: Int)]? {
        var found: [(range: Range<Int>, destination: Int)] = []
        guard count > 0 else { return found }
        let marker = Array(Self.marker.utf8)
        var cursor = 0
        while let start = ByteSearch.firstIndex(of: marker, in: html, from: cursor) {
            var end = start + marker.count
            var number = 0
            while end < html.count, html[end] >= 0x30, html[end] <= 0x39, number < 1 << 40 {
                number = number * 10 + Int(html[end] - 0x30)
                end += 1
            }
            guard end > start + marker.count, number < count else { return nil }
            found.append((start..<end, number))
            cursor = end
        }
        return found
    }

    /// The HTML with each slot's href, escaped as cmark escapes hrefs; nil when a destination
    /// has no href or one not rooted at `/` (the caller then renders the body afresh, as cmark
    /// would have written it).
    func filled(_ hrefs: [String: String]) -> String? {
        guard !slots.isEmpty else { return text }
        var html = ""
        html.reserveCapacity(text.utf8.count + slots.count * 48)
        var cursor = 0
        for slot in slots {
            // cmark's safe mode checked the placeholder, not this href: one that does not start
            // with `/` (every site href does) goes the fresh way, through cmark's own check.
            guard let href = hrefs[slot.destination], href.utf8.first == UInt8(ascii: "/") else { return nil }
            html += Self.piece(text, cursor..<slot.offset)
            html += CmarkHref.escape(href)
            cursor = slot.offset
        }
        html += Self.piece(text, cursor..<text.utf8.count)
        return html
    }

    /// Bytes `range` of `text`, which start and end on character boundaries (at a placeholder,
    /// made only of ASCII).
    private static func piece(_ text: String, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        return text[start..<utf8.index(start, offsetBy: range.count)]
    }
}

/// cmark's escaping of link and image destinations (`houdini_escape_href`, as in cmark 0.30), for hrefs put in
/// after cmark wrote the HTML: the bytes it leaves alone stay, `&` and `'` become entities,
/// every other byte becomes `%XX`. A test checks it against cmark itself.
enum CmarkHref {
    private static let safe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in "!#$%()*+,-./:;=?@_~".utf8 { table[Int(byte)] = true }
        for range in [UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z")] {
            for byte in range { table[Int(byte)] = true }
        }
        return table
    }()

    private static let hex = Array("0123456789ABCDEF".utf8)

    static func escape(_ href: String, into bytes: inout [UInt8]) {
        for byte in href.utf8 {
            if safe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                bytes.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                bytes.append(contentsOf: "&#x27;".utf8)
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
    }

    /// The same as a string; an href with nothing to escape (the usual one) is returned as it is.
    static func escape(_ href: String) -> String {
        if href.utf8.allSatisfy({ safe[Int($0)] }) { return href }
        var bytes: [UInt8] = []
        escape(href, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
