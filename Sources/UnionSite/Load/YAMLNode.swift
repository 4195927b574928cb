/// A YAML value with the file position of each part, so the Model stage can point at the
/// exact key or value that is wrong.
///
/// Yams' own `Node` is not `Sendable` and shares aliased subtrees; this copy is a plain
/// value, and building it is bounded (see `YAMLParser`), which defuses "billion laughs".
public struct YAMLNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        /// `plain` is false for quoted scalars: `"true"` is a string, `true` a boolean.
        case scalar(String, plain: Bool)
        case list([YAMLNode])
        case map([YAMLEntry])
    }

    public var value: Value
    public var location: SourceLocation
    /// For block scalars (`|`, `>`): the indentation of their text, so positions inside the
    /// text (links in a Markdown description) can be turned back into file columns.
    public var blockIndent: Int? = nil

    var string: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    var isNull: Bool {
        if case .scalar(let s, true) = value { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }

    var entries: [YAMLEntry]? {
        if case .map(let e) = value { return e }
        return nil
    }

    var items: [YAMLNode]? {
        if case .list(let l) = value { return l }
        return nil
    }

    /// The entry for `key` in a mapping.
    func entry(_ key: String) -> YAMLEntry? {
        entries?.first { $0.key == key }
    }

    /// What kind of YAML value this is, for messages ("expected a string, found a list").
    var kindName: String {
        switch value {
        case .scalar: "a value"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

/// One `key: value` pair, with the key's own position (where "missing" and "unknown" point).
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLNode
}
