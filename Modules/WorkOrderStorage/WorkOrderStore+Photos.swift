import Complaints
import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

extension AttachmentTable {
    /// The photos of a repair order's walk-around.
    static let workOrderPhoto = AttachmentTable(table: "work_order_photo", owner: "order_id")
}

extension AppDatabase {
    /// Rule A-6: keeps a photo of the walk-around (damage, belongings) with the order, checked as a complaint's
    /// evidence is (K-14: its type from its bytes, a photo: JPEG, PNG, HEIC; at most `complaints.attachment.max-mb`);
    /// the same photo twice is refused; audited. A settled order is not changed (L-10).
    public func addWorkOrderPhoto(
        _ number: String, name: String, bytes: [UInt8], note: String?, actor: String
    ) throws -> AttachmentInfo {
        _ = try AttachmentTable.fileName(name)
        return try writer.write { db in
            let now = clock.now()
            let order = try WorkOrder.load(db, number: number)
            try order.requireEditable()
            let photo: AttachmentInfo
            do {
                photo = try AttachmentTable.workOrderPhoto.add(
                    db, to: order.id!, name: name, bytes: bytes, declared: .photo,
                    maxMegabytes: try Self.settings(db).integer(.complaintAttachmentMegabytes), note: note, now: now,
                    actor: actor)
            } catch let error as any AfterSalesError where error.field == "kind" {
                // Not a photo: the file is what is wrong, there is no kind to choose.
                throw RenamedField(error, field: "file")
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "work_order", id: order.number, action: "photo",
                after: [
                    "photo": String(photo.id), "name": photo.name, "media_type": photo.mediaType,
                    "size": String(photo.size), "sha256": photo.sha256, "note": photo.note,
                ])
            return photo
        }
    }

    /// The order's walk-around photos, oldest first, without their bytes.
    public func workOrderPhotos(_ number: String) throws -> [AttachmentInfo] {
        try writer.read { db in
            try AttachmentTable.workOrderPhoto.list(db, of: try WorkOrder.load(db, number: number).id!)
        }
    }

    /// One photo of the order with its bytes.
    public func workOrderPhoto(_ number: String, id: Int64) throws -> (AttachmentInfo, Data) {
        try writer.read { db in
            let order = try WorkOrder.load(db, number: number)
            guard let found = try AttachmentTable.workOrderPhoto.file(db, of: order.id!, id: id) else {
                throw NotFound("photo", Phrase("\(id) of repair order \(order.number)").rendered(), field: "photo")
            }
            return found
        }
    }
}
