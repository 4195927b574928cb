import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import UnionSite

/// The preview server in-process on 127.0.0.1, port 0: status codes, content types, ETags,
/// the 404 page, HEAD, and the live-reload script only in served HTML.
@Suite(.serialized) struct PreviewServerTests {
    final class Started: @unchecked Sendable {
        var url: String?
        let ready = DispatchSemaphore(value: 0)
    }

    static func withServer(_ body: (String, URL) async throws -> Void) async throws {
        let root = try IncrementalBuildTests.makeSite()
        let staticFile = root.appendingPathComponent("content/static/files/note.txt")
        try FileManager.default.createDirectory(at: staticFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "hello".write(to: staticFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: root) }
        let options = Preview.Options(build: Build.Options(root: try SiteRoot(root: root.path), model: .init(buildDate: Day("2026-11-29"))),
                                      host: "127.0.0.1", port: 0)
        let started = Started()
        let task = Task {
            try await Preview.run(options, log: { _ in }, ready: { url in
                started.url = url
                started.ready.signal()
            })
        }
        defer { task.cancel() }
        for _ in 0..<200 where started.url == nil { try await Task.sleep(for: .milliseconds(25)) }
        let url = try #require(started.url)
        #expect(url.hasPrefix("http://127.0.0.1:"))
        try await body(url, root)
    }

    static func fetch(_ url: String, method: String = "GET", headers: [String: String] = [:]) async throws -> (Int, [String: String], Data) {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        for (key, value) in headers { request.setValue(value, forHTTPHeaderField: key) }
        let session = URLSession(configuration: .ephemeral, delegate: NoRedirects(), delegateQueue: nil)
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields[String(describing: key).lowercased()] = String(describing: value) }
        return (http.statusCode, fields, data)
    }

    final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
            completionHandler(nil)
        }
    }

    @Test func servesPagesWithTypesETagsAndLiveReload() async throws {
        try await Self.withServer { base, _ in
            let (status, headers, body) = try await Self.fetch(base)
            #expect(status == 200)
            #expect(headers["content-type"] == "text/html; charset=utf-8")
            let html = String(decoding: body, as: UTF8.self)
            #expect(html.contains("__unionsiteGeneration"), "served pages carry the live-reload script")
            let etag = try #require(headers["etag"])
            let (again, _, _) = try await Self.fetch(base, headers: ["If-None-Match": etag])
            #expect(again == 304)
            let (css, cssHeaders, _) = try await Self.fetch(base + AssetNames.paths(ThemeFiles.assets)["site.css"]!)
            #expect(css == 200)
            #expect(cssHeaders["content-type"] == "text/css; charset=utf-8")
            let (feed, feedHeaders, _) = try await Self.fetch(base + "feed.xml")
            #expect(feed == 200)
            #expect(feedHeaders["content-type"]?.hasPrefix("application/atom+xml") == true)
            let (file, _, fileBody) = try await Self.fetch(base + "files/note.txt")
            #expect(file == 200)
            #expect(String(decoding: fileBody, as: UTF8.self) == "hello")
        }
    }

    @Test("the search index, made after the reload, is served to the first search that asks")
    func deferredSearchIndexIsServed() async throws {
        try await Self.withServer { base, root in
            let (status, headers, body) = try await Self.fetch(base + "search/meta.json")
            #expect(status == 200)
            #expect(headers["content-type"]?.hasPrefix("application/json") == true)
            let meta = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            let full = try Build.render(Build.Options(root: try SiteRoot(root: root.path), model: .init(buildDate: Day("2026-11-29"))))
            #expect(full.files["search/meta.json"].map { Data($0) } == body)
            #expect((meta["docCount"] as? Int ?? 0) > 0)
        }
    }

    @Test func headHasLengthButNoBody() async throws {
        try await Self.withServer { base, _ in
            let (status, headers, body) = try await Self.fetch(base + "guide/", method: "HEAD")
            #expect(status == 200)
            #expect(body.isEmpty)
            #expect(Int(headers["content-length"] ?? "0") ?? 0 > 1000)
        }
    }

    @Test func missingPagesGetThe404PageAndFoldersRedirect() async throws {
        try await Self.withServer { base, _ in
            let (status, _, body) = try await Self.fetch(base + "no/such/page/")
            #expect(status == 404)
            #expect(String(decoding: body, as: UTF8.self).contains("Page not found"))
            let (redirect, headers, _) = try await Self.fetch(base + "guide")
            #expect(redirect == 301)
            #expect(headers["location"] == "/members/guide/")
            let origin = String(base.dropLast("/members/".count))
            let (root, rootHeaders, _) = try await Self.fetch(origin + "/")
            #expect(root == 301)
            #expect(rootHeaders["location"] == "/members/")
        }
    }

    @Test(arguments: ["%2e%2e/%2e%2e/etc/passwd", "..%2f..%2fetc%2fpasswd", "..%5c..%5cetc", "index.html%00"])
    func traversalNeverLeavesTheSite(_ suffix: String) async throws {
        try await Self.withServer { base, _ in
            let (status, _, body) = try await Self.fetch(base + suffix)
            #expect(status == 400 || status == 404)
            #expect(!String(decoding: body, as: UTF8.self).contains("root:"))
        }
    }
}
