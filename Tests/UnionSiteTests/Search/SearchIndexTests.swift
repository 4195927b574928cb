import Foundation
import Testing
@testable import UnionSite

/// The index a tiny site gets: what is in it, how it ranks, how it is laid out.
struct SearchIndexTests {
    static let files: [String: String] = [
        "content/site.yaml": "title: Test site\nbase_url: https://example.org/education/\n",
        "content/articles/pay.md": "---\ntitle: Pay round\ndate: 2026-01-10\nsummary: The pay round.\n---\nWe met the employers. The zebras were restless.\n",
        "content/articles/mention.md": "---\ntitle: Mentions\ndate: 2026-01-11\n---\nThis mentions academies once, among many other words about pay and trusts and councils.\n",
        "content/guide/academies.md": "---\ntitle: Academies and trusts\n---\nHow trusts work.\n\n## Governance\n\nBoards.\n",
        "content/pages/about.md": "---\ntitle: About us\n---\nWho we are.\n",
        "content/principles/core.md": "---\ntitle: Core principles\n---\n## Independence\n\nAdvice is impartial.\n",
        "content/vacancies/jobs.yaml": """
        - id: open-role
          title: "Wombat keeper"
          employer: "Northshire Council"
          location: "Durham"
          closes: 2026-12-31
          apply_url: "https://example.org/apply"
        - id: closed-role
          title: "Quokka keeper"
          employer: "Southshire Council"
          location: "Bristol"
          closes: 2026-01-01
          apply_url: "https://example.org/apply"
        """,
    ]

    static func json(_ rendered: InMemorySite, _ path: String) throws -> Any {
        let bytes = try #require(rendered.files[path], "no \(path)")
        return try JSONSerialization.jsonObject(with: Data(bytes))
    }

    /// The postings of a stem, found the way search.js finds them: the longest shard name that starts its key.
    static func postings(_ rendered: InMemorySite, _ stem: String) throws -> [[Int]] {
        let meta = try #require(try json(rendered, "search/meta.json") as? [String: Any])
        let shards = Set(try #require(meta["shards"] as? [String]))
        let key = String(decoding: SearchIndex.key(stem), as: UTF8.self)
        guard let name = (1...key.count).reversed().map({ String(key.prefix($0)) }).first(where: shards.contains) else { return [] }
        let shard = try #require(try json(rendered, "search/terms/\(name).json") as? [String: [[Int]]])
        return shard[stem] ?? []
    }

    /// All documents, in index order.
    static func documents(_ rendered: InMemorySite) throws -> [[String: String]] {
        let meta = try #require(try json(rendered, "search/meta.json") as? [String: Any])
        let count = try #require(meta["docCount"] as? Int)
        let size = try #require(meta["chunkSize"] as? Int)
        var result: [[String: String]] = []
        for chunk in 0..<((count + size - 1) / size) {
            result += try #require(try json(rendered, "search/docs/\(chunk).json") as? [[String: String]])
        }
        #expect(result.count == count)
        return result
    }

    @Test func listsEveryKindButClosedVacancies() throws {
        let site = try TestSite(Self.files)
        let rendered = try site.render()
        let docs = try Self.documents(rendered)
        #expect(docs.map { $0["kind"]! } == ["article", "article", "principle", "guide", "page", "vacancy"])
        #expect(docs.contains { $0["title"] == "Wombat keeper" })
        #expect(!docs.contains { $0["title"] == "Quokka keeper" })
        #expect(try Self.postings(rendered, "quokka").isEmpty)
        #expect(try !Self.postings(rendered, "wombat").isEmpty)
        // URLs carry the base path; snippets are the summary or the start of the body.
        let pay = try #require(docs.first { $0["title"] == "Pay round" })
        #expect(pay["url"] == "/education/articles/pay/")
        #expect(pay["snippet"] == "The pay round.")
        #expect(docs.first { $0["title"] == "About us" }?["snippet"] == "Who we are.")
        #expect(docs.first { $0["title"] == "Wombat keeper" }?["snippet"] == "Northshire Council, Durham")
    }

    @Test func aWordOnlyInTheBodyIsIndexed() throws {
        let rendered = try TestSite(Self.files).render()
        let docs = try Self.documents(rendered)
        let zebra = try Self.postings(rendered, EnglishStemmer.stem("zebras"))
        #expect(zebra.map { docs[$0[0]]["title"]! } == ["Pay round"])
    }

    @Test func aTitleMatchRanksFirst() throws {
        let rendered = try TestSite(Self.files).render()
        let docs = try Self.documents(rendered)
        let academy = try Self.postings(rendered, "academy")
        #expect(academy.count == 2)
        #expect(docs[academy[0][0]]["title"] == "Academies and trusts")
        #expect(academy[0][1] > academy[1][1])
    }

    @Test func shardsAreKeyedByPrefix() throws {
        let rendered = try TestSite(Self.files).render()
        let meta = try #require(try Self.json(rendered, "search/meta.json") as? [String: Any])
        let shards = try #require(meta["shards"] as? [String])
        let written = rendered.files.keys.filter { $0.hasPrefix("search/terms/") }
            .map { String($0.dropFirst("search/terms/".count).dropLast(".json".count)) }
        #expect(shards == written.sorted())
        for name in shards {
            let shard = try #require(try Self.json(rendered, "search/terms/\(name).json") as? [String: Any])
            for stem in shard.keys {
                #expect(String(decoding: SearchIndex.key(stem), as: UTF8.self).hasPrefix(name), "\(stem) in \(name)")
            }
        }
        #expect(shards.contains("ac"))
    }

    @Test func outputIsDeterministic() throws {
        let site = try TestSite(Self.files)
        let first = try site.render().files.filter { $0.key.hasPrefix("search/") }
        let second = try site.render().files.filter { $0.key.hasPrefix("search/") }
        #expect(first.count > 3)
        #expect(first == second)
    }

    @Test func serveReanalysesOnlyChangedDocumentsAndMatchesAFullBuild() throws {
        let site = try TestSite(Self.files)
        let cache = BuildCache()
        _ = try cache.render(site.options())
        #expect(cache.searchAnalyses.lastAnalysed == 6)
        try site.write("content/pages/about.md", "---\ntitle: About us\n---\nWho we are: giraffes.\n")
        let incremental = try cache.render(site.options()).files.filter { $0.key.hasPrefix("search/") }
        #expect(cache.searchAnalyses.lastAnalysed == 1)
        let full = try site.render().files.filter { $0.key.hasPrefix("search/") }
        #expect(incremental == full)
        #expect(try !Self.postings(try site.render(), EnglishStemmer.stem("giraffes")).isEmpty)
    }

    @Test func bigShardsAreSplitByALongerPrefix() throws {
        // 200 stems starting "co", each in 300 documents: far over the budget for one shard.
        var postings: [(stem: String, postings: [(doc: Int32, score: Int)])] = [(stem: "co", postings: [(doc: 1, score: 5)])]
        let many: [(doc: Int32, score: Int)] = (0..<300).map { (doc: Int32($0), score: 500) }
        for n in 0..<200 {
            let letter = String(UnicodeScalar(UInt8(97 + n % 26)))
            postings.append((stem: "co" + letter + "x\(n)", postings: many))
        }
        let shards = SearchIndex.shards(postings.sorted { $0.stem < $1.stem })
        #expect(shards["co"]?.count == 1)
        #expect(shards.keys.contains { $0.hasPrefix("coa") })
        let names = Set(shards.keys)
        for (stem, _) in postings {
            let key = String(decoding: SearchIndex.key(stem), as: UTF8.self)
            let name = (1...key.count).reversed().map { String(key.prefix($0)) }.first(where: names.contains)
            let found = shards[name ?? ""]?.contains { String(decoding: $0.json, as: UTF8.self).hasPrefix("\"\(stem)\":") }
            #expect(found == true, "\(stem)")
        }
        for (_, terms) in shards where terms.count > 1 {
            #expect(terms.reduce(0) { $0 + $1.json.count } <= SearchIndex.shardBudget + 4_000)
        }
    }

    @Test func nonASCIIStemsGoToUnderscoreShards() throws {
        #expect(String(decoding: SearchIndex.key("école"), as: UTF8.self) == "_cole")
        #expect(String(decoding: SearchIndex.key("2026"), as: UTF8.self) == "2026")
    }

    @Test func analysingInGroupsGivesTheSameIndexAsOneAnalyzer() throws {
        // 300 documents of 60 words each, 12,000 distinct words: several groups, and the word table grows.
        let documents = (0..<300).map { n in
            let body = (0..<60).map { "w\(n % 200)x\($0) shared\($0 % 7) trusts" }.joined(separator: " ")
            return SearchDocument(kind: n < 250 ? .article : .page, title: "Title \(n)", url: "/d/\(n)/", snippet: "",
                                  fields: [["Title \(n)"], [], [], [body]])
        }
        let analyzer = SearchAnalyzer()
        let one = SearchIndex.files(documents, analyses: documents.map(analyzer.analyse), stems: analyzer.stems)
        let (analyses, stems) = SearchAnalyzer.analyseInParallel(documents)
        #expect(SearchIndex.files(documents, analyses: analyses, stems: stems) == one)
        #expect(analyzer.vocabularySize > 12_000)
    }
}
