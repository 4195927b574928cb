import Foundation
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

    @Test("a run of a byte is found wherever it starts, and only when it is long enough")
    func runs() {
        func run(_ text: String, _ length: Int = 4) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer { ByteSearch.containsRun(of: 32, length: length, in: $0) }
        }
        #expect(run("    "))
        #expect(run("a    b"))
        #expect(run(">     code"))
        #expect(!run("a   b   c"))
        #expect(!run("   "))
        #expect(!run(""))
        #expect(run("ab", 0))
    }

    @Test("the run search agrees with looking at every offset, on random text")
    func runsAgreeWithNaive() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...6, using: &generator)
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in Bool.random(using: &generator) ? UInt8(32) : UInt8(ascii: "x") }
            let naive = text.count >= length && (0...(text.count - length)).contains { start in text[start..<(start + length)].allSatisfy { $0 == 32 } }
            let found = text.withUnsafeBufferPointer { ByteSearch.containsRun(of: 32, length: length, in: $0) }
            #expect(found == naive, "\(text) length \(length)")
        }
    }

    @Test("a string's UTF-8 copied at once is its bytes, for native, non-ASCII, empty and bridged strings")
    func utf8Bytes() {
        let bridged = NSString(string: "Pay £412.50 for the MAT") as String
        for text in ["", "plain", "Pay £412.50 — é\u{301}", String(repeating: "x", count: 10_000), bridged] {
            #expect(text.utf8Bytes == Array(text.utf8))
        }
    }
}
