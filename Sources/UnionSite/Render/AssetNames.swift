/// The theme's assets are published under names that carry a hash of their bytes
/// (`assets/site.3f9a1c2b.css`), so a host can cache `assets/` for a year: a new release
/// with a changed stylesheet is a new URL, and unchanged bytes keep their URL.
///
/// Two assets can never collide: the hash is added to the file's own name, and names in
/// the theme are unique, so `site.css` and `search.js` differ even if their hashes agree.
enum AssetNames {
    /// `site.css` → `site.3f9a1c2b.css`: the first 32 bits of the bytes' 64-bit FNV-1a hash, in hex.
    static func hashed(_ file: String, bytes: [UInt8]) -> String {
        let hex = String(FNV1a.hash(bytes) >> 32, radix: 16)
        let digest = String(repeating: "0", count: 8 - hex.count) + hex
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file + "." + digest }
        return file[..<dot] + "." + digest + file[dot...]
    }

    /// Every asset's output path (`assets/site.3f9a1c2b.css`), by its file name.
    static func paths(_ assets: [String: [UInt8]]) -> [String: String] {
        assets.reduce(into: [:]) { paths, asset in paths[asset.key] = "assets/" + hashed(asset.key, bytes: asset.value) }
    }
}
