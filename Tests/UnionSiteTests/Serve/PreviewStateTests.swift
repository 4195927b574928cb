import Foundation
import Testing
@testable import UnionSite

/// The search index of a site `serve` publishes is made a moment later, in the background;
/// a search request waits for it (`PreviewState.settle`).
@Suite struct DeferredSearchTests {
    @Test("a search request waits for the newest site's index, also when a newer site replaces the one it waited for")
    func settleWaitsForTheNewestSite() async throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let options = try IncrementalBuildTests().options(root)
        let first = try PreviewBuild.make(options, cache: BuildCache())
        let second = try PreviewBuild.make(options, cache: BuildCache())
        let indexPaths = try #require(second.deferred).files().keys
        #expect(!indexPaths.isEmpty)
        // The first site's index is held back for good; the second's is made at once. (No
        // timing is assumed: on a loaded machine the test's own tasks may wait for seconds.)
        let state = PreviewState(deferredStart: .seconds(3600))
        await state.publish(first)
        let waiting = Task { await state.settle() }
        // Most often the request is waiting for the first site's index by now; either way,
        // it must come back only with the second's.
        try await Task.sleep(for: .milliseconds(50))
        await state.startDeferredFiles(after: .zero)
        await state.publish(second)
        await waiting.value
        for path in indexPaths { #expect(await state.file(path) != nil, "\(path)") }
    }
}

/// Publishing a body-only rebuild compares only the files it wrote (`PreviewBuild.rewritten`).
@Suite struct PublishCountTests {
    @Test("a body edit is counted as comparing every file would count it, and a site not built from the one shown is compared in full")
    func bodyEditCountsAsAFullComparison() async throws {
        let root = try IncrementalBuildTests.makeSite()
        defer { try? FileManager.default.removeItem(at: root) }
        let tests = IncrementalBuildTests()
        let options = try tests.options(root)
        let cache = BuildCache()
        let first = try PreviewBuild.make(options, cache: cache)
        try tests.apply(.body, to: root)
        let file = root.appendingPathComponent("content/articles/two.md")
        let edited = try #require(BodyEdit.rebuild([file.path], last: first, root: try SiteRoot(root: root.path), cache: cache))
        #expect(edited.rewritten?.from == first.id)
        var compared = edited
        compared.rewritten = nil
        var counts: [Int] = []
        for build in [edited, compared] {
            let state = PreviewState(deferredStart: .seconds(3600))
            await state.publish(first)
            counts.append(await state.publish(build))
        }
        #expect(counts[0] == counts[1] && counts[0] > 0, "\(counts)")
        // Shown a site the edit did not start from (here one more file), the whole site is compared.
        var other = first
        other.id = UUID()
        other.files["extra/index.html"] = Array("<p>extra</p>".utf8)
        let state = PreviewState(deferredStart: .seconds(3600))
        await state.publish(other)
        #expect(await state.publish(edited) == counts[0] + 1)
    }
}
