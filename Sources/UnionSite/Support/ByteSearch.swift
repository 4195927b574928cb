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

    /// Whether `length` copies of `byte` stand in a row. Such a run covers exactly one offset
    /// that is a multiple of `length`, so only those offsets are read, and the run measured
    /// around the ones that hold `byte`. (Looking for four spaces with `firstIndex` stopped at
    /// every space of a text: a memchr call a word, 1 % of a build.)
    static func containsRun(of byte: UInt8, length: Int, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard length > 0 else { return true }
        var offset = length - 1
        while offset < haystack.count {
            if haystack[offset] == byte {
                var start = offset
                while start > 0, offset - start + 1 < length, haystack[start - 1] == byte { start -= 1 }
                var end = offset + 1
                while end < haystack.count, end - start < length, haystack[end] == byte { end += 1 }
                if end - start >= length { return true }
            }
            offset += length
        }
        return false
    }
}
