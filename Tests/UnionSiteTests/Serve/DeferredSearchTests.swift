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
