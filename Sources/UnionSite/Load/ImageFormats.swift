/// JPEG: the size is in the first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC),
/// found by stepping over the segments before it (EXIF, ICC profiles, thumbnails) by their lengths.
enum JPEGHeader {
    static func size(_ b: [UInt8]) -> Result<PixelSize, ImageHeader.Problem> {
        var at = 2
        while true {
            while at < b.count, b[at] == 0xFF, at + 1 < b.count, b[at + 1] == 0xFF { at += 1 }
            guard at + 1 < b.count else { return .failure(ImageHeader.truncated) }
            guard b[at] == 0xFF else { return .failure(ImageHeader.Problem(message: "is a damaged JPEG: a segment does not start with a marker")) }
            let marker = b[at + 1]
            if marker == 0x01 || (0xD0...0xD7).contains(marker) { at += 2; continue }
            if marker == 0xD9 || marker == 0xDA {
                return .failure(ImageHeader.Problem(message: "is a damaged JPEG: its image data starts before any frame header"))
            }
            guard at + 3 < b.count else { return .failure(ImageHeader.truncated) }
            let length = ImageHeader.bigEndian(b, at + 2, 2)
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard at + 8 < b.count else { return .failure(ImageHeader.truncated) }
                return .success(PixelSize(width: ImageHeader.bigEndian(b, at + 7, 2), height: ImageHeader.bigEndian(b, at + 5, 2)))
            }
            guard length >= 2 else { return .failure(ImageHeader.Problem(message: "is a damaged JPEG: a segment has length \(length)")) }
            at += 2 + length
        }
    }
}

/// SVG: the root element's `width` and `height` when they are plain numbers or pixels,
/// else its `viewBox`'s; an SVG with neither has no intrinsic size.
enum SVGHeader {
    static func size(_ bytes: [UInt8]) -> Result<PixelSize, ImageHeader.Problem> {
        let text = String(decoding: bytes.prefix(ImageHeader.prefixBytes), as: UTF8.self)
        guard let open = text.range(of: "<svg"), let close = text[open.upperBound...].firstIndex(of: ">") else {
            return .failure(ImageHeader.Problem(message: "is not an SVG image: it has no <svg> element"))
        }
        let tag = String(text[open.upperBound..<close])
        if let width = attribute("width", in: tag).flatMap(pixels), let height = attribute("height", in: tag).flatMap(pixels) {
            return .success(PixelSize(width: width, height: height))
        }
        let box = attribute("viewBox", in: tag)?.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) } ?? []
        guard box.count == 4 else {
            return .failure(ImageHeader.Problem(message: "is an SVG without a size: give its <svg> width and height, or a viewBox"))
        }
        return .success(PixelSize(width: Int(box[2].rounded()), height: Int(box[3].rounded())))
    }

    /// `name="value"` or `name='value'` in a tag's attributes.
    static func attribute(_ name: String, in tag: String) -> String? {
        var rest = tag[...]
        while let found = rest.range(of: name) {
            let before = rest[..<found.lowerBound].last
            var after = rest[found.upperBound...].drop { $0 == " " || $0 == "\n" || $0 == "\t" }
            rest = rest[found.upperBound...]
            guard before == nil || before!.isWhitespace, after.first == "=" else { continue }
            after = after.dropFirst().drop { $0 == " " }
            guard let quote = after.first, quote == "\"" || quote == "'" else { continue }
            let value = after.dropFirst()
            guard let end = value.firstIndex(of: quote) else { return nil }
            return String(value[..<end]).trimmed
        }
        return nil
    }

    /// `640`, `640px`, `640.5`: whole CSS pixels; other units (`%`, `em`, `cm`) give nil.
    static func pixels(_ value: String) -> Int? {
        let number = value.hasSuffix("px") ? String(value.dropLast(2)) : value
        return Double(number).map { Int($0.rounded()) }
    }
}
