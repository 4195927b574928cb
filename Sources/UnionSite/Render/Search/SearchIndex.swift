import Foundation

/// The static search index under `/search/`, built from analysed documents in one pass:
///
/// - `search/meta.json`: `{chunkSize, docCount, kinds: [{count, first, kind}], postingsCap, shards: [name], version}`;
///   documents are grouped by kind, in `SearchDocument.Kind` order, so `first` and `count` give each
///   kind's range of document numbers.
/// - `search/docs/<n>.json`: documents `n × chunkSize …`, each `{kind, snippet, title, url}`.
/// - `search/terms/<name>.json`: `{stem: [[doc, score], …]}` for the stems whose shard key starts
///   with `name`. A stem's key is its first code points with anything but `a`–`z` and `0`–`9` as
///   `_`; shards are named by the first two, and a shard over `shardBudget` bytes is split by one
///   more character (its stems no longer than the name stay in it). `search.js` picks, for a stem,
///   the longest name in `shards` that starts its key, so a query fetches only the shards it needs.
///
/// A score is an integer: per field, the count saturated BM25-style (k1 = 1.2, the body also
/// normalised by length, b = 0.75), times the field's weight (title 10, headings and tags 4,
/// summary 2, body 1), summed, times the stem's IDF, times 10. A query adds the scores of its stems.
/// Each stem keeps its `postingsCap` best documents, best first.
///
/// Keys are sorted and every list has a stable order, so the same site gives the same bytes.
///
/// Sizes: a query fetches `meta.json`, one shard per stem (at most `shardBudget` bytes plus one
/// stem's postings; `search.js` looks up at most 8 stems) and the chunks of the 20 results it shows
/// (`chunkSize` 20 keeps a chunk near 5 kB), so about 100 kB for a typical query and under 300 kB
/// for any, whatever the size of the site.
enum SearchIndex {
    static let formatVersion = 1
    static let chunkSize = 20
    static let postingsCap = 300
    static let shardBudget = 16_000
    static let k1 = 1.2
    static let b = 0.75

    /// Whether an output path is one of the index's files (`search/index.html` is a page, not one).
    static func isIndexFile(_ path: String) -> Bool { path.hasPrefix("search/") && path.hasSuffix(".json") }

    /// Output paths (`search/meta.json` …) and their bytes.
    static func files(_ documents: [SearchDocument], analyses: [SearchAnalyzer.Analysis], stems: [String]) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let starts = Array(stride(from: 0, to: documents.count, by: chunkSize))
        let chunks = Parallel.map(starts) { chunk(documents[$0..<min($0 + chunkSize, documents.count)]) }
        for (start, chunk) in zip(starts, chunks) { files["search/docs/\(start / chunkSize).json"] = chunk }
        let shards = self.shards(postings(analyses, stems: stems))
        for (name, terms) in shards {
            var json = JSONBytes()
            json.raw("{")
            for (index, term) in terms.enumerated() {
                if index > 0 { json.raw(",\n") }
                json.bytes.append(contentsOf: term.json)
            }
            json.raw("}\n")
            files["search/terms/\(name).json"] = json.bytes
        }
        files["search/meta.json"] = meta(documents, shards: shards.keys.sorted())
        return files
    }

    /// One stem's postings, encoded: `"stem":[[doc,score],…]`.
    struct Term {
        let key: [UInt8]
        let json: [UInt8]
    }

    /// A stem's shard key: a byte per code point, `a`–`z` and `0`–`9` as they are, anything else `_`.
    static func key(_ stem: String) -> [UInt8] {
        stem.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: UInt8(scalar.value)
            default: UInt8(ascii: "_")
            }
        }
    }

    /// Shard name → its terms, in stem order.
    static func shards(_ postings: [(stem: String, postings: [(doc: Int32, score: Int)])]) -> [String: [Term]] {
        // Each stem's JSON on every core; grouped in stem order.
        let terms = Parallel.map(postings) { stem, list in
            var json = JSONBytes()
            json.string(stem)
            json.raw(":[")
            for (index, posting) in list.enumerated() {
                json.raw(index == 0 ? "[" : ",[")
                json.int(Int(posting.doc))
                json.raw(",")
                json.int(posting.score)
                json.raw("]")
            }
            json.raw("]")
            return Term(key: key(stem), json: json.bytes)
        }
        var groups: [[UInt8]: [Term]] = [:]
        for term in terms { groups[Array(term.key.prefix(2)), default: []].append(term) }
        var shards: [String: [Term]] = [:]
        for (name, terms) in groups { split(name, terms, into: &shards) }
        return shards
    }

    /// Keeps a group as one shard if it is small enough; else its longer stems go one level down.
    private static func split(_ name: [UInt8], _ terms: [Term], into shards: inout [String: [Term]]) {
        let size = terms.reduce(0) { $0 + $1.json.count + 2 }
        let deeper = terms.filter { $0.key.count > name.count }
        guard size > shardBudget, !deeper.isEmpty else {
            shards[String(decoding: name, as: UTF8.self)] = terms
            return
        }
        let here = terms.filter { $0.key.count <= name.count }
        if !here.isEmpty { shards[String(decoding: name, as: UTF8.self)] = here }
        var groups: [[UInt8]: [Term]] = [:]
        for term in deeper { groups[Array(term.key.prefix(name.count + 1)), default: []].append(term) }
        for (child, terms) in groups { split(child, terms, into: &shards) }
    }

    private static func chunk(_ documents: ArraySlice<SearchDocument>) -> [UInt8] {
        var json = JSONBytes()
        json.raw("[")
        for (index, document) in documents.enumerated() {
            json.raw(index == 0 ? "{\"kind\":" : ",\n{\"kind\":")
            json.string(document.kind.rawValue)
            json.raw(",\"snippet\":")
            json.string(document.snippet)
            json.raw(",\"title\":")
            json.string(document.title)
            json.raw(",\"url\":")
            json.string(document.url)
            json.raw("}")
        }
        json.raw("]\n")
        return json.bytes
    }

    private static func meta(_ documents: [SearchDocument], shards: [String]) -> [UInt8] {
        var json = JSONBytes()
        json.raw("{\"chunkSize\":")
        json.int(chunkSize)
        json.raw(",\"docCount\":")
        json.int(documents.count)
        json.raw(",\"postingsCap\":")
        json.int(postingsCap)
        json.raw(",\"kinds\":[")
        // Documents are grouped by kind (`SearchDocument.collect`), so a kind is a range of indices:
        // results can be filtered by kind before their chunks are fetched.
        var first = 0
        for (index, kind) in SearchDocument.Kind.allCases.enumerated() {
            let count = documents[first...].prefix { $0.kind == kind }.count
            json.raw(index == 0 ? "{\"count\":" : ",{\"count\":")
            json.int(count)
            json.raw(",\"first\":")
            json.int(first)
            json.raw(",\"kind\":")
            json.string(kind.rawValue)
            json.raw("}")
            first += count
        }
        json.raw("],\"shards\":[")
        for (index, name) in shards.enumerated() {
            if index > 0 { json.raw(",") }
            json.string(name)
        }
        json.raw("],\"version\":")
        json.int(formatVersion)
        json.raw("}\n")
        return json.bytes
    }
}

/// A minimal JSON writer: UTF-8 bytes, strings escaped as RFC 8259 requires.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
