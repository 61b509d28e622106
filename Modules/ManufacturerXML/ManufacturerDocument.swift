import Catalog
import Core
import Foundation
import Warranty
import ManufacturerData

/// A small manufacturer file read whole into memory: for tests, `bulletins add --file` previews and tools.
/// The import itself streams with `ManufacturerReader` and never holds a file like this.
public struct ManufacturerDocument: Sendable {
    public var manufacturer = ""
    public var bulletins: [Bulletin] = []
    public var labourOperations: [LabourOperation] = []
    public var parts: [CatalogPart] = []
    public var warrantyTerms: [WarrantyTerm] = []
    public var partsWarranties: [PartsWarrantyTerm] = []
    public var vehicles: [MasterVehicle] = []
    public var rejected: [RejectedItem] = []
    public var fileErrors: [XMLInputError] = []
    public var warnings: [XMLInputError] = []

    /// Every problem of the file, items' and the file's, in file order.
    public var errors: [XMLInputError] {
        (rejected.flatMap(\.errors) + fileErrors).sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// Reads a file; throws `XMLInputError` only when it is not well-formed XML (other problems are in `errors`).
    public static func read(path: String) throws -> ManufacturerDocument {
        let reader = try ManufacturerReader(path: path)
        var document = ManufacturerDocument()
        var vins: [VIN] = []
        while let item = try reader.next() {
            switch item {
            case .bulletinBegin: vins = []
            case .bulletinVINs(let batch): vins += batch
            case .bulletinEnd(var bulletin):
                bulletin.vins = vins
                document.bulletins.append(bulletin)
            case .labourOperation(let operation): document.labourOperations.append(operation)
            case .part(let part): document.parts.append(part)
            case .warrantyTerm(let term): document.warrantyTerms.append(term)
            case .partsWarranty(let term): document.partsWarranties.append(term)
            case .vehicle(let vehicle): document.vehicles.append(vehicle)
            case .rejected(let item): document.rejected.append(item)
            }
        }
        document.manufacturer = reader.manufacturer
        document.fileErrors = reader.fileErrors
        document.warnings = reader.warnings
        return document
    }
}
