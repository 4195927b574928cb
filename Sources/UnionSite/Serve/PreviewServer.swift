import FlyingFox
import FlyingSocks
import Foundation

/// The preview HTTP server: the only file that knows the HTTP package (FlyingFox).
///
/// It answers only from the built site held in `PreviewState` (never from the disk beyond
/// the site's own static files), on 127.0.0.1 unless told otherwise, mounted at the base
/// URL's path so every link works as it will when published.
struct PreviewServer: Sendable {
    let state: PreviewState

    func makeServer(host: String, port: UInt16) throws -> HTTPServer {
        let address: any SocketAddress = host.contains(":") ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: host, port: port)
        // FlyingFox's own log would print a "critical" line on every clean shutdown.
        return HTTPServer(address: address, timeout: 30, logger: .disabled)
    }

    func install(on server: HTTPServer) async {
        await server.appendRoute(HTTPRoute("GET \(LiveReload.socketPath)"), to: .webSocket(LiveSocket(state: state)))
        await server.appendRoute("*") { request in await respond(to: request) }
    }

    func respond(to request: HTTPRequest) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [HTTPHeader("Allow"): "GET, HEAD"] as HTTPHeaders)
        }
        // The search index may still be being made after a rebuild: wait for it, not a 404.
        if request.target.path().contains("/search/") { await state.settle() }
        // The site as it is now (a copy-on-write snapshot): lookups need no more awaits.
        let build = await state.build
        let resolver = RequestResolver(basePath: build?.site.basePath ?? "/")
        let exists = { (path: String) in build?.files[path] != nil || build?.site.copies[path] != nil }
        switch resolver.answer(request.target.path(), exists: exists) {
        case .badRequest:
            return HTTPResponse(statusCode: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"] as HTTPHeaders, body: Data("Bad request\n".utf8))
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: [.location: location] as HTTPHeaders)
        case .notFound:
            return await file("404.html", status: .notFound, request: request)
        case .file(let path):
            return await file(path, status: .ok, request: request)
        }
    }

    private func file(_ path: String, status: HTTPStatusCode, request: HTTPRequest) async -> HTTPResponse {
        guard var bytes = await body(path) else {
            return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"] as HTTPHeaders, body: Data("Not found\n".utf8))
        }
        let contentType = ContentTypes.forPath(path)
        let snapshot = await state.snapshot
        if contentType.hasPrefix("text/html") { bytes = LiveReload.inject(into: bytes, generation: snapshot.generation) }
        let etag = await state.etag(for: path, bytes: bytes)
        var headers: HTTPHeaders = [.contentType: contentType, .eTag: etag, HTTPHeader("Cache-Control"): "no-cache"]
        if status == .ok, request.headers[HTTPHeader("If-None-Match")] == etag {
            return HTTPResponse(statusCode: .notModified, headers: headers)
        }
        headers[.contentLength] = String(bytes.count)
        return HTTPResponse(statusCode: status, headers: headers, body: request.method == .HEAD ? Data() : Data(bytes))
    }

    private func body(_ path: String) async -> [UInt8]? {
        if let bytes = await state.file(path) { return bytes }
        guard let source = await state.copySource(path), let data = FileManager.default.contents(atPath: source) else { return nil }
        return Array(data)
    }
}

/// Sends the site's state (generation and problems) to each page, now and after every rebuild.
struct LiveSocket: WSMessageHandler {
    let state: PreviewState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await state.updates()
        return AsyncStream { continuation in
            let task = Task {
                for await snapshot in updates {
                    continuation.yield(.text(Self.json(snapshot)))
                }
                continuation.finish()
            }
            let drain = Task { for await _ in client {}; task.cancel(); continuation.finish() }
            continuation.onTermination = { _ in task.cancel(); drain.cancel() }
        }
    }

    static func json(_ snapshot: PreviewState.Snapshot) -> String {
        let object: [String: Any] = ["generation": snapshot.generation, "problems": snapshot.diagnostics.map(\.description)]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
