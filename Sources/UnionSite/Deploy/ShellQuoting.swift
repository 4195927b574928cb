/// Quoting for the one place a shell is involved: the command ssh hands to the remote
/// login shell. Locally every program runs from an argument array, never a shell string.
public enum RemoteShell {
    /// One word for a POSIX shell: in single quotes, each `'` written as `'\''`.
    /// Nothing inside single quotes is special, so any text survives unchanged.
    public static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A command line of quoted words: `['mkdir', '-p', '/srv/my site']`.
    public static func command(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }

    /// `script` run by `sh -c` on the remote host, so it means the same whatever the
    /// login shell is. `arguments` become `$1`, `$2` … inside the script, so no path is
    /// ever pasted into its text.
    public static func script(_ script: String, arguments: [String] = []) -> String {
        command(["sh", "-c", script, "unionsite-deploy"] + arguments)
    }
}

/// Splits the `--ssh` option (`ssh -p 2222 -i "my key"`) into words the way rsync splits
/// its `-e` option: on spaces, with single and double quotes grouping and a backslash
/// escaping the next character outside single quotes.
public enum ShellWords {
    public static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for c in text {
            if escaped {
                current.append(c)
                escaped = false
                continue
            }
            switch (quote, c) {
            case ("'", "'"), ("\"", "\""):
                quote = nil
            case ("'", _):
                current.append(c)
            case ("\"", "\\"), (nil, "\\"):
                escaped = true
                inWord = true
            case ("\"", _):
                current.append(c)
            case (nil, "'"), (nil, "\""):
                quote = c
                inWord = true
            case (nil, _) where c == " " || c == "\t" || c == "\n":
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(c)
                inWord = true
            }
        }
        guard quote == nil, !escaped else { return nil }
        if inWord { words.append(current) }
        return words
    }
}
