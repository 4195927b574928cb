/// The visible text of every link and image still open during one walk of a document.
///
/// Asking each link for its own text walks its subtree again, which is quadratic for images
/// nested thousands deep (`![![![…](i.png)](i.png)`). Here each text node is handed to the
/// open links once; a link stops taking text at `limit`, and since an outer link holds all
/// of an inner one's text, the full ones are always the outermost: each text node costs only
/// the open links that still have room, so a document costs at most its nodes times `limit`.
struct OpenLinkTexts {
    let limit: Int
    private var texts: [String] = []
    /// Every text below this index has reached `limit`.
    private var firstWithRoom = 0

    init(limit: Int) { self.limit = limit }

    var isEmpty: Bool { texts.isEmpty }

    mutating func open() { texts.append("") }

    /// The closed link's text (at most about `limit` UTF-8 bytes).
    mutating func close() -> String {
        let text = texts.removeLast()
        firstWithRoom = min(firstWithRoom, texts.count)
        return text
    }

    mutating func append(_ text: String) {
        guard !text.isEmpty else { return }
        for index in firstWithRoom..<texts.count {
            let room = limit - texts[index].utf8.count
            if room > 0 { texts[index] += text.utf8.count <= room ? text : String(text.prefix(room)) }
        }
        while firstWithRoom < texts.count, texts[firstWithRoom].utf8.count >= limit { firstWithRoom += 1 }
    }
}
