import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Leerlijn
import Logging
import NIOCore
@testable import LeerlijnServer

/// Stores, apps and requests for the server tests.
enum ServerTestSupport {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var catalogPath: String { packageRoot + "/Catalog" }

    static let logger: Logger = {
        var logger = Logger(label: "leerlijn-serve-tests")
        logger.logLevel = .critical
        return logger
    }()

    /// Options for the bundled catalogue.
    static func options(catalog: String = catalogPath) -> ServerOptions {
        var options = ServerOptions()
        options.catalog = catalog
        options.port = 0
        options.reloadInterval = 0
        return options
    }

    /// The bundled catalogue, loaded once for the whole suite.
    static let bundled: Result<CatalogueStore, LeerlijnError> = Result { () throws(LeerlijnError) in
        try CatalogueStore(options: options())
    }

    static func store() throws -> CatalogueStore { try bundled.get() }

    /// An application for `store`, for `.router` or `.live` testing.
    static func application(_ store: CatalogueStore) -> some ApplicationProtocol {
        Application(router: LeerlijnServer.router(store: store),
                    configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
    }

    /// A copy of the catalogue folder in a fresh temporary directory (tests never touch `Catalog/`).
    static func temporaryCatalogue() throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("leerlijn-serve-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let copy = root + "/Catalog"
        try FileManager.default.copyItem(atPath: catalogPath, toPath: copy)
        return copy
    }

    static func string(_ response: TestResponse) -> String { String(buffer: response.body) }

    /// The JSON object of a response body.
    static func json(_ response: TestResponse) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
        return object as? [String: Any] ?? [:]
    }
}

extension HTTPFields {
    /// Headers from literal pairs.
    static func of(_ pairs: [(String, String)]) -> HTTPFields {
        var fields = HTTPFields()
        for (name, value) in pairs { if let field = HTTPField.Name(name) { fields.append(HTTPField(name: field, value: value)) } }
        return fields
    }
}
