/// Every change on the site by the build day, for `/updates/`, `/guide/updates/`, the home
/// page and the updates feed: one list, decided here, so all of them agree.
public struct PageUpdate: Sendable, Hashable {
    public let item: ContentItem
    public let change: Change
    /// 1 for the page's first change of that day in file order, 2 for the next …: with the
    /// page's URL and the day it names the change for good, so rewording a note keeps its
    /// feed id.
    public let ordinal: Int

    public var isGuide: Bool { item.kind.descriptor.model == .guideChapter }
}

extension Site {
    /// Newest day first; within a day, in the site's item order, then file order.
    public var updates: [PageUpdate] {
        var result: [(order: Int, update: PageUpdate)] = []
        for (order, item) in items.enumerated() {
            var perDay: [Day: Int] = [:]
            for change in changes(of: item).sorted(by: { $0.position < $1.position }) {
                perDay[change.date.day, default: 0] += 1
                result.append((order, PageUpdate(item: item, change: change, ordinal: perDay[change.date.day]!)))
            }
        }
        return result.sorted {
            ($1.update.change.date.day, $0.order, $0.update.change.position) < ($0.update.change.date.day, $1.order, $1.update.change.position)
        }.map(\.update)
    }
}
