extension GlossaryMatcher {
    /// Whether the rules can be applied to the text's bytes: the common case, scanned without
    /// building characters, hashing them or asking Unicode tables. So it is when every form
    /// is ASCII and the text is ASCII (without CR, which joins LF into one character) apart
    /// from punctuation, spaces, currency and maths signs (’ “ ” – — …, no-break space, £ € ×,
    /// which SMART punctuation, pay tables and authors bring): those are never word
    /// characters, never in a form, and never join their neighbours into one character (unlike
    /// combining marks and emoji modifiers), so every match and boundary is the same.
    func canScanBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard allFormsASCII else { return false }
        var index = Self.plainASCIIPrefix(bytes)
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                index += 1
                continue
            }
            guard let (scalar, length) = Self.decode(bytes, at: index), Self.isPunctuationOrSpace(scalar) else { return false }
            index += length
        }
        return true
    }

    /// How many of the first bytes, eight at a time, are ASCII other than CR: nearly all body
    /// text, which a byte-by-byte check read at a quarter of the glossary scan's cost.
    static func plainASCIIPrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // A byte equal to CR leaves a zero byte here, which the borrow finds.
            let crs = word ^ 0x0D0D_0D0D_0D0D_0D0D
            let hasCR = (crs &- 0x0101_0101_0101_0101) & ~crs & 0x8080_8080_8080_8080 != 0
            guard word & 0x8080_8080_8080_8080 == 0, !hasCR else { break }
            index += 8
        }
        return index
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        var iterator = bytes[index...].makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    private static func isPunctuationOrSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation, .spaceSeparator, .currencySymbol, .mathSymbol: true
        default: false
        }
    }
}
