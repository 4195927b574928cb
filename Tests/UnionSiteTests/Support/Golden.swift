import Foundation
import Testing

/// Compares `text` with `Tests/UnionSiteTests/Golden/<name>`.
///
/// With `RECORD_GOLDENS=1` in the environment the file is (re)written and the test fails
/// with a note saying so, so a recording run can never pass silently. On a mismatch the
/// issue shows a short line diff around the first difference.
func expectGolden(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let url = TestPaths.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            Issue.record("recorded golden file \(name): check it, then run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
        } catch {
            Issue.record("cannot record golden file \(name): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden file \(name): run with RECORD_GOLDENS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    let expected = String(decoding: data, as: UTF8.self)
    guard expected != text else { return }
    Issue.record("output differs from golden file \(name) (RECORD_GOLDENS=1 re-records):\n\(lineDiff(expected: expected, actual: text))",
                 sourceLocation: sourceLocation)
}

/// A short diff: a few lines of context around the first differing line, `-` expected, `+` actual.
func lineDiff(expected: String, actual: String, context: Int = 3, limit: Int = 12) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = (0..<max(old.count, new.count)).first(where: { $0 >= old.count || $0 >= new.count || old[$0] != new[$0] }) else {
        return "(no line differs)"
    }
    // Skip the common tail so only the changed stretch is shown.
    var oldEnd = old.count, newEnd = new.count
    while oldEnd > first, newEnd > first, old[oldEnd - 1] == new[newEnd - 1] { oldEnd -= 1; newEnd -= 1 }
    var lines: [String] = ["@@ line \(first + 1) @@"]
    for index in max(0, first - context)..<first { lines.append("  " + old[index]) }
    lines += old[first..<min(oldEnd, first + limit)].map { "- " + $0 }
    lines += new[first..<min(newEnd, first + limit)].map { "+ " + $0 }
    if oldEnd - first > limit || newEnd - first > limit { lines.append("  … (more differences)") }
    return lines.joined(separator: "\n")
}
