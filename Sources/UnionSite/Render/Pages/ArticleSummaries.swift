import Foundation

/// Each article's card for the list pages (`articleSummary`), made the first time a list page
/// shows it and kept for the others: an article is on `/articles/` and on the page of each of
/// its tags, and making its card (the date in words, the href, a dictionary) again on each was
/// most of the cost of the tag pages but their template.
///
/// Made on first use, not up front: a `serve` rebuild that finds every list page unchanged
/// renders none of them and makes no card.
final class ArticleSummaries: @unchecked Sendable {
    private let lock = NSLock()
    private var cards: [TemplateValue?]
    private let make: (Int) -> TemplateValue

    /// - Parameter make: the card of the article at an index of `site.articles`.
    init(count: Int, make: @escaping (Int) -> TemplateValue) {
        cards = Array(repeating: nil, count: count)
        self.make = make
    }

    /// The card of the article at `index`; two threads may both make one, and keep the same.
    func card(_ index: Int) -> TemplateValue {
        if let card = lock.withLock({ cards[index] }) { return card }
        let card = make(index)
        lock.withLock { cards[index] = card }
        return card
    }

    func cards(_ indices: some Sequence<Int>) -> TemplateValue {
        .list(indices.map(card))
    }
}
