// Yams builds on libyaml (its `CYaml` module) but keeps the event parser private.
import CYaml

/// Counts the values a YAML text stands for once its aliases are expanded, from libyaml's
/// events, before Yams composes it.
///
/// `YAMLParser` has its own budget while converting nodes, but Yams checks duplicate keys by
/// hashing every key in full while composing: a key that aliases a billion values ("billion
/// laughs" in key position) hangs inside `Yams.compose` before that budget can run. This pass
/// streams the events once, keeping only a size per anchor, so it is linear in the text.
enum YAMLAliasBudget {
    /// Where the text first goes over `budget` values (1-based line and column within the
    /// text), or nil when it stays inside it or is not valid YAML (Yams reports that itself).
    static func overrun(in yaml: String, budget: Int) -> (line: Int, column: Int)? {
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter(budget: budget)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if !counter.count(event) {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
        }
    }

    /// Running totals: every value counted once, an alias counting all of its anchor's values.
    private struct Counter {
        let budget: Int
        var expanded = 0
        var anchorSizes: [String: Int] = [:]
        /// Collections still open: their anchor and the values counted since they opened.
        var open: [(anchor: String?, startedAt: Int)] = []

        /// False once the text has gone over the budget.
        mutating func count(_ event: yaml_event_t) -> Bool {
            switch event.type {
            case YAML_SCALAR_EVENT:
                add(1, anchor: name(event.data.scalar.anchor))
            case YAML_ALIAS_EVENT:
                add(name(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1, anchor: nil)
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), expanded))
                expanded += 1
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), expanded))
                expanded += 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let (anchor, startedAt) = open.popLast(), let anchor { anchorSizes[anchor] = expanded - startedAt }
            default: break
            }
            return expanded <= budget
        }

        /// An anchor's size never exceeds what has been counted, so nothing here can overflow.
        private mutating func add(_ size: Int, anchor: String?) {
            expanded += size
            if let anchor { anchorSizes[anchor] = size }
        }

        private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
