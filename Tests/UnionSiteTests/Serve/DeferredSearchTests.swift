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
        let state = PreviewState()
        await state.publish(first)
        let waiting = Task { await state.settle() }
        // The request is waiting for the first site's index; within that site's delay a second
        // site replaces it: the first index is never made, the second's is.
        try await Task.sleep(for: .milliseconds(30))
        await state.publish(second)
        await waiting.value
        for path in indexPaths { #expect(await state.file(path) != nil, "\(path)") }
    }
}
