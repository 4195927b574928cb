import Foundation

/// Splits text into the words the search index and `Theme/search.js` agree on.
///
/// A word is a run of letters, combining marks and digits (Unicode general categories L, M, N;
/// anything else separates words), lower-cased and in NFC, of 2 to 40 code points. Stop words
/// are then dropped and the rest stemmed (`EnglishStemmer`). `search.js` does the same with
/// `normalize("NFC").toLowerCase().split(/[^\p{L}\p{M}\p{N}]+/u)`, the same stop words and the
/// same stemmer, so a query meets the index on the same stems.
enum SearchTokenizer {
    static let minimumLength = 2
    static let maximumLength = 40

    /// Common English words that say nothing about a page. Kept short, and in step with `search.js`.
    static let stopWords: Set<String> = [
        "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "if",
        "in", "into", "is", "it", "its", "not", "of", "on", "or", "our", "she", "so", "such", "than", "that", "the",
        "their", "them", "then", "there", "these", "they", "this", "those", "to", "was", "we", "were", "what", "when",
        "where", "which", "who", "will", "with", "would", "you", "your",
    ]

    /// The stems of a text's words, in order, stop words left out.
    static func stems(_ text: String) -> [String] {
        var result: [String] = []
        forEachWord(in: text) { word in
            if !stopWords.contains(word) { result.append(EnglishStemmer.stem(word)) }
        }
        return result
    }

    /// Every word of `text` (stop words included), lower-cased, in NFC, in order.
    static func forEachWord(in text: String, _ body: (String) -> Void) {
        scan(text) { bytes, _ in body(String(decoding: bytes, as: UTF8.self)) }
    }

    /// The FNV-1a hash `scan` gives with each word.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    /// ASCII byte → itself lower-cased if it is a letter or digit, else 0.
    private static let asciiWordBytes: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }

    /// The words of `text` as UTF-8 bytes (lower-cased, NFC) with their `hash`, without making
    /// a `String` per word: the index's hot loop. ASCII is handled a byte at a time; a word with
    /// other letters goes through Foundation's NFC and `lowercased()`.
    static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var text = text
        let table = asciiWordBytes
        // 40 code points are at most 160 bytes; a longer word is counted, not kept, and dropped.
        let capacity = 256
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { buffer.deallocate() }
        var used = 0
        var hash: UInt64 = 0xcbf29ce484222325
        var length = 0
        var ascii = true
        func flush() {
            if used <= capacity {
                let word = UnsafeBufferPointer(start: buffer, count: used)
                if ascii {
                    if length >= minimumLength, length <= maximumLength { body(word, hash) }
                } else {
                    var text = String(decoding: word, as: UTF8.self).precomposedStringWithCanonicalMapping.lowercased()
                    let count = text.unicodeScalars.count
                    if count >= minimumLength, count <= maximumLength { text.withUTF8 { body($0, Self.hash($0)) } }
                }
            }
            used = 0
            hash = 0xcbf29ce484222325
            length = 0
            ascii = true
        }
        text.withUTF8 { bytes in
            var index = 0
            let end = bytes.count
            while index < end {
                let lead = bytes[index]
                if lead < 0x80 {
                    let byte = table[Int(lead)]
                    if byte != 0 {
                        if used < capacity { buffer[used] = byte }
                        used += 1
                        hash = (hash ^ UInt64(byte)) &* 0x100000001b3
                        length += 1
                    } else if used > 0 {
                        flush()
                    }
                    index += 1
                    continue
                }
                // A multi-byte scalar (the text is valid UTF-8: it is a Swift string).
                let size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var value = UInt32(lead) & (size == 2 ? 0x1F : size == 3 ? 0x0F : 0x07)
                for offset in 1..<size { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                if let scalar = Unicode.Scalar(value), isWordScalar(scalar) {
                    for offset in 0..<size {
                        if used < capacity { buffer[used] = bytes[index + offset] }
                        used += 1
                    }
                    length += 1
                    ascii = false
                } else if used > 0 {
                    flush()
                }
                index += size
            }
        }
        if used > 0 { flush() }
    }

    /// Letters, marks and numbers: `[\p{L}\p{M}\p{N}]` in JavaScript.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
