/// The sizes of the images a body shows, from the headers the Load stage read
/// (`StaticFile.image`). An image whose size cannot be told is still published, as written,
/// with a warning at the image naming the file: it may be damaged, or not the format its
/// name says.
struct ImageSizes {
    private let files: [String: Result<PixelSize, ImageHeader.Problem>]

    init(_ staticFiles: [StaticFile]) {
        var files: [String: Result<PixelSize, ImageHeader.Problem>] = [:]
        for file in staticFiles { files[file.path] = file.image }
        self.files = files
    }

    /// - Parameter images: image destination as written → its file below `content/static/`.
    func sizes(_ images: [String: String], links: [DocumentFacts.Link], problems: inout Diagnostics) -> [String: PixelSize] {
        var sizes: [String: PixelSize] = [:]
        for link in links where link.isImage {
            guard let path = images[link.destination], let probe = files[path] else { continue }
            switch probe {
            case .success(let size): sizes[link.destination] = size
            case .failure(let problem):
                problems.append(.warning("image content/static/\(path) \(problem.message); it is shown without width and height",
                                         at: link.location, code: "image-unreadable"))
            }
        }
        return sizes
    }
}
