import Foundation
import Testing

extension CLITests {
    /// The executable links mimalloc (Sources/Cmimalloc) so that it serves every allocation:
    /// the Swift runtime's and cmark's. The link comes only from an import, so a change to the
    /// package or the linker's flags could drop it without any error; the dynamic loader's own
    /// report of where it bound `malloc` and `free` shows whether it did.
    @Test("the executable's malloc and free are mimalloc's, for the Swift runtime and cmark", .enabled(if: isLinux))
    func mallocIsMimalloc() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("unionsite-ld-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The loader's report goes to files (LD_DEBUG_OUTPUT.<pid>): on standard error it
        // would fill the pipe before the process ends. LD_BIND_NOW binds every symbol at
        // start, not only those `--version` calls.
        let result = try run(["--version"], environment: [
            "LD_DEBUG": "bindings", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("ld").path, "LD_BIND_NOW": "1",
        ])
        #expect(result.status == 0)
        let reports = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        let lines = try reports.flatMap { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n") }
        // cmark allocates with calloc and realloc (when no arena is set up for it).
        for (library, symbols) in [("libswiftCore.so", ["malloc", "free"]), ("libcmark.so", ["calloc", "realloc", "free"])] {
            for symbol in symbols {
                let bindings = lines.filter {
                    $0.contains("binding file ") && $0.contains("/\(library)") && $0.contains("normal symbol `\(symbol)'")
                }
                #expect(!bindings.isEmpty, "\(library) \(symbol): no binding reported")
                #expect(bindings.allSatisfy { $0.contains("libmimalloc.so") }, "\(library) \(symbol): \(bindings)")
            }
        }
    }
}

#if os(Linux)
private let isLinux = true
#else
private let isLinux = false
#endif
