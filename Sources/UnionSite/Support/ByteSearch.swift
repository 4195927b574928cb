import Foundation

/// Finding bytes in UTF-8 the way every scan over whole bodies does it: `memchr` to each
/// candidate first byte, then the rest compared (byte-by-byte loops over every body were
/// a measurable share of builds).
enum ByteSearch {
    /// The offset of the first `needle` at or after `start`, or nil.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        var offset = start
        while offset + needle.count <= haystack.count,
              let found = memchr(base + offset, Int32(first), haystack.count - offset - needle.count + 1) {
            let at = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if memcmp(base + at, needle, needle.count) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    static func contains(_ byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress else { return false }
        return memchr(base, Int32(byte), haystack.count) != nil
    }
}
