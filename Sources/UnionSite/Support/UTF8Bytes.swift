extension String {
    /// The UTF-8 as an array, copied in one go from the string's contiguous storage:
    /// `Array(text.utf8)` goes through the bytes one at a time, which for every body handed to
    /// cmark was a measurable part of reading it.
    var utf8Bytes: [UInt8] {
        utf8.withContiguousStorageIfAvailable { Array($0) } ?? Array(utf8)
    }
}
