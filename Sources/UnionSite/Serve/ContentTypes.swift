/// `Content-Type` for every kind of file a site holds.
enum ContentTypes {
    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/x-icon", "pdf": "application/pdf",
        "woff": "font/woff", "woff2": "font/woff2", "csv": "text/csv; charset=utf-8", "md": "text/markdown; charset=utf-8",
        "doc": "application/msword", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "odt": "application/vnd.oasis.opendocument.text",
        "zip": "application/zip", "mp3": "audio/mpeg", "mp4": "video/mp4", "webm": "video/webm", "gz": "application/gzip",
    ]

    static func forPath(_ path: String) -> String {
        if path.hasSuffix("feed.xml") { return "application/atom+xml; charset=utf-8" }
        let ext = path.split(separator: "/").last?.split(separator: ".").dropFirst().last.map { $0.lowercased() } ?? ""
        return byExtension[ext] ?? "application/octet-stream"
    }
}
