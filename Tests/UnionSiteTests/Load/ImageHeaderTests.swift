import Foundation
import Testing
@testable import UnionSite

/// Image sizes read from file headers by hand, one format at a time, and what a page does with them.
@Suite("Image sizes from file headers")
struct ImageHeaderTests {
    static func be(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).reversed().map { UInt8((value >> ($0 * 8)) & 0xFF) } }
    static func le(_ value: Int, _ count: Int) -> [UInt8] { (0..<count).map { UInt8((value >> ($0 * 8)) & 0xFF) } }

    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be(13, 4) + Array("IHDR".utf8) + be(640, 4) + be(480, 4) + [8, 6, 0, 0, 0]
    static let gif: [UInt8] = Array("GIF89a".utf8) + le(320, 2) + le(200, 2) + [0, 0, 0]
    /// An APP0 (JFIF) segment, an APP1 with padding, then the frame header SOF2 (progressive).
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + be(16, 2) + Array("JFIF\0".utf8) + [1, 1, 0] + be(1, 2) + be(1, 2) + [0, 0]
        + [0xFF, 0xE1] + be(6, 2) + [1, 2, 3, 4] + [0xFF, 0xFF, 0xC2] + be(17, 2) + [8] + be(768, 2) + be(1024, 2) + [3] + Array(repeating: 0, count: 9)
    static func riff(_ chunk: String, _ body: [UInt8]) -> [UInt8] {
        Array("RIFF".utf8) + le(4 + 8 + body.count, 4) + Array("WEBP".utf8) + Array(chunk.utf8) + le(body.count, 4) + body
    }
    static let webpLossy = riff("VP8 ", [0x10, 0x02, 0x00, 0x9D, 0x01, 0x2A] + le(400, 2) + le(300, 2) + [0, 0])
    /// Lossless: width-1 and height-1 in 14 bits each after the 0x2F signature.
    static let webpLossless = riff("VP8L", [0x2F] + le((500 - 1) | ((250 - 1) << 14), 4) + [0, 0, 0])
    static let webpExtended = riff("VP8X", [0x10, 0, 0, 0] + le(1920 - 1, 3) + le(1080 - 1, 3))

    static func size(_ bytes: [UInt8], _ ext: String = "bin") -> PixelSize? {
        try? ImageHeader.size(of: bytes, fileExtension: ext).get()
    }

    @Test("PNG, GIF, JPEG and the three WebP kinds")
    func binaryFormats() {
        #expect(Self.size(Self.png) == PixelSize(width: 640, height: 480))
        #expect(Self.size(Self.gif) == PixelSize(width: 320, height: 200))
        #expect(Self.size(Self.jpeg) == PixelSize(width: 1024, height: 768))
        #expect(Self.size(Self.webpLossy) == PixelSize(width: 400, height: 300))
        #expect(Self.size(Self.webpLossless) == PixelSize(width: 500, height: 250))
        #expect(Self.size(Self.webpExtended) == PixelSize(width: 1920, height: 1080))
    }

    @Test("SVG: width and height in px or plain numbers, else the viewBox; no size is a problem")
    func svg() {
        let svg = { (tag: String) in Self.size(Array("<?xml version=\"1.0\"?>\n<!-- x -->\n<svg \(tag)><rect/></svg>".utf8), "svg") }
        #expect(svg("xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height='48px'") == PixelSize(width: 64, height: 48))
        #expect(svg("stroke-width=\"3\" viewBox=\"0 0 120.4 80\"") == PixelSize(width: 120, height: 80))
        #expect(svg("width=\"100%\" height=\"100%\" viewBox=\"0,0,30,20\"") == PixelSize(width: 30, height: 20))
        #expect(svg("class=\"x\"") == nil)
        #expect(Self.size(Array("hello".utf8), "svg") == nil)
    }

    @Test("a file cut short in its header, at every length, is a problem and never a crash")
    func truncated() {
        for image in [Self.png, Self.gif, Self.jpeg, Self.webpLossy, Self.webpLossless, Self.webpExtended] {
            let full = Self.size(image)
            #expect(full != nil)
            for length in 0..<image.count {
                let cut = Array(image.prefix(length))
                if case .success(let size) = ImageHeader.size(of: cut, fileExtension: "png") {
                    #expect(size == full, "a cut file gives the size only when its header is all there")
                }
            }
        }
        #expect(ImageHeader.size(of: Array(Self.png.prefix(20)), fileExtension: "png") == .failure(ImageHeader.truncated))
        #expect(ImageHeader.size(of: Array(Self.jpeg.prefix(30)), fileExtension: "jpg") == .failure(ImageHeader.truncated))
        #expect(Self.size(Array("not an image".utf8), "png") == nil)
        #expect(Self.size([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Self.be(13, 4) + Array("IHDR".utf8) + Self.be(0, 8)) == nil, "0 × 0")
    }

    @Test("random bytes after each signature give a size or a problem, never a crash or a hang")
    func randomBytes() {
        var generator = SystemRandomNumberGenerator()
        let signatures: [[UInt8]] = [Array(Self.png.prefix(16)), Array("GIF89a".utf8), [0xFF, 0xD8], Array(Self.webpLossy.prefix(16)),
                                     Array(Self.webpLossless.prefix(16)), Array(Self.webpExtended.prefix(16)), Array("<svg ".utf8)]
        for _ in 0..<2_000 {
            let signature = signatures.randomElement(using: &generator)!
            let tail = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if case .success(let size) = ImageHeader.size(of: signature + tail, fileExtension: "svg") {
                #expect(size.width > 0 && size.height > 0)
            }
        }
    }

    @Test("pages give sized images width and height, later ones lazy; a damaged one warns and keeps cmark's tag")
    func pages() throws {
        let site = try TestSite(["content/pages/about.md": "---\ntitle: About\n---\n![Logo](/img/logo.png)\n\nText\n\n![Photo](../static/img/photo.jpg \"A & B\")\n\n![Broken](/img/broken.gif)\n"])
        try site.write("content/static/img/logo.png", data: Data(Self.png))
        try site.write("content/static/img/photo.jpg", data: Data(Self.jpeg))
        try site.write("content/static/img/broken.gif", data: Data(Self.gif.prefix(8)))
        let rendered = try site.render()
        let html = try #require(rendered.text("about/index.html"))
        #expect(html.contains("<img src=\"/img/logo.png\" alt=\"Logo\" width=\"640\" height=\"480\" />"))
        #expect(html.contains("<img src=\"/img/photo.jpg\" alt=\"Photo\" title=\"A &amp; B\" width=\"1024\" height=\"768\" loading=\"lazy\" decoding=\"async\" />"))
        #expect(html.contains("<img src=\"/img/broken.gif\" alt=\"Broken\" />"))
        #expect(rendered.warnings.filter { $0.code == "image-unreadable" }.map(\.description) == [
            "content/pages/about.md:10:1: warning: image content/static/img/broken.gif is cut short: its header ends before its size; it is shown without width and height",
        ])
    }
}
