import Testing
@testable import UnionSite

@Suite("Byte search")
struct ByteSearchTests {
    func firstIndex(_ needle: String, _ haystack: String, from start: Int = 0) -> Int? {
        Array(haystack.utf8).withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array(needle.utf8), in: $0, from: start) }
    }

    @Test("finds the first needle at or after the start, at either end and after a near miss")
    func positions() {
        #expect(firstIndex("MAT", "MATs") == 0)
        #expect(firstIndex("MAT", "the MAT") == 4)
        #expect(firstIndex("MAT", "MA MMAT") == 4)
        #expect(firstIndex("MAT", "MAT MAT", from: 1) == 4)
        #expect(firstIndex("[^", "a [ b [^") == 6)
        #expect(firstIndex("£", "pay £5") == 4)
    }

    @Test("no match: absent, longer than the text, empty text or needle")
    func misses() {
        #expect(firstIndex("MAT", "Members") == nil)
        #expect(firstIndex("MAT", "MA") == nil)
        #expect(firstIndex("MAT", "") == nil)
        #expect(firstIndex("", "text") == nil)
        #expect(Array("a&b".utf8).withUnsafeBufferPointer { ByteSearch.contains(UInt8(ascii: "&"), in: $0) })
        #expect(![UInt8]().withUnsafeBufferPointer { ByteSearch.contains(UInt8(ascii: "&"), in: $0) })
    }
}
