extension RandomAccessCollection where Index == Int {
    /// The first index whose element does not pass `isBefore`, for a collection in which every
    /// element that passes comes before every one that does not (a binary search): in an
    /// ascending list, `partitionPoint { $0 < x }` is where `x` is or would go.
    func partitionPoint(_ isBefore: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isBefore(self[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
