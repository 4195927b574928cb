import Foundation
import Testing
@testable import UnionSite
#if canImport(Glibc)
import Glibc
#endif

@Suite("File bytes")
struct FileBytesTests {
    /// A fresh folder, removed when `body` is done.
    func inFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("filebytes-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test("a file's bytes come back whole, an empty file's too")
    func reads() throws {
        try inFolder { folder in
            let text = Array("---\ntitle: Pay\n---\nPay £412.50 a week.\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 70_000)
            FileManager.default.createFile(atPath: folder + "/a.md", contents: Data(text))
            FileManager.default.createFile(atPath: folder + "/empty.md", contents: Data())
            #expect(FileBytes.read(folder + "/a.md", maxBytes: 1 << 20) == .success(text))
            #expect(FileBytes.read(folder + "/empty.md", maxBytes: 10) == .success([]))
        }
    }

    @Test("a missing file, a folder and a FIFO are unreadable (the FIFO without waiting for a writer)")
    func unreadable() throws {
        try inFolder { folder in
            #expect(FileBytes.read(folder + "/missing.md", maxBytes: 100) == .failure(.unreadable))
            #expect(FileBytes.read(folder, maxBytes: 100) == .failure(.unreadable))
            #expect(mkfifo(folder + "/pipe.md", 0o600) == 0)
            #expect(FileBytes.read(folder + "/pipe.md", maxBytes: 100) == .failure(.unreadable))
        }
    }

    @Test("a file over the limit is refused with its size; one at the limit is read")
    func limit() throws {
        try inFolder { folder in
            FileManager.default.createFile(atPath: folder + "/big.md", contents: Data(repeating: 65, count: 1001))
            #expect(FileBytes.read(folder + "/big.md", maxBytes: 1000) == .failure(.tooLarge(size: 1001)))
            #expect(FileBytes.read(folder + "/big.md", maxBytes: 1001) == .success(Array(repeating: 65, count: 1001)))
        }
    }

    @Test("a file longer than its stated size (as one that grew since it was opened) is read to its end, and still limited")
    func readsPastStatedSize() throws {
        // /proc/version says it is 0 bytes long and holds a line of text.
        let expected = try #require(FileManager.default.contents(atPath: "/proc/version"))
        #expect(expected.count > 10)
        #expect(FileBytes.read("/proc/version", maxBytes: 1 << 20) == .success(Array(expected)))
        #expect(FileBytes.read("/proc/version", maxBytes: 5) == .failure(.tooLarge(size: 6)))
    }
}
