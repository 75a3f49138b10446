import Foundation

/// The dashboard's files, shipped as package resources and read once.
/// Only names in the asset folder can be served: the path is matched
/// against the list of files found at start, never joined onto a file
/// system path, so `..`, absolute paths and NUL bytes cannot escape.
enum StaticAssets {
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    static let root: URL? = Bundle.module.resourceURL?.appendingPathComponent("Public")

    /// Every file under `Public/`, keyed by its relative path.
    static let assets: [String: Asset] = {
        guard let root, let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [:] }
        var result: [String: Asset] = [:]
        while let relative = enumerator.nextObject() as? String {
            let url = root.appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.hasPrefix("."), let data = try? Data(contentsOf: url)
            else { continue }
            result[relative] = Asset(bytes: Array(data), contentType: contentType(for: relative))
        }
        return result
    }()

    static func contentType(for name: String) -> String {
        switch name.split(separator: ".").last.map({ $0.lowercased() }) {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        case "png": "image/png"
        case "ico": "image/x-icon"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    static func serve(path: String) throws(APIError) -> APIResult {
        guard let asset = assets[path] else { throw .notFound(resource: "asset", id: path) }
        return APIResult(body: .bytes(asset.bytes, contentType: asset.contentType))
    }

    static func handle(_ context: RequestContext) throws(APIError) -> APIResult {
        try serve(path: context.pathParameter("file"))
    }
}
