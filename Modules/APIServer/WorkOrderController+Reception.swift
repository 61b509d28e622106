import Core
import Foundation
import Hummingbird
import Storage
import WorkOrders

/// The routes of reception and the order's course added by issue 17 "Reception": a job's 三包 facts (as
/// `workorder job --edit`), a delay with its reason (Q-7, `workorder delay`) and the walk-around photos (A-6,
/// `workorder photo`, sent and read as a complaint's evidence is).
extension WorkOrderController {
    /// A walk-around photo: the file's name, what it shows, its bytes in base64.
    struct PhotoInput: Codable {
        var name: String
        var note: String?
        var content: String
    }

    func addReceptionRoutes(to routes: Routes) {
        let database = self.database
        routes.patch("work-orders/:number/jobs/:job", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let job = try Self.positive(try context.parameter("job"), field: "job")
            let form = try await JSON.body(JobForm.self, request, context)
            _ = try await database.run { try $0.editWorkOrderJob(number, job: job, form, actor: principal.name) }
            return try await Self.sheet(number, database)
        }
        routes.post("work-orders/:number/delays", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let form = try await JSON.body(DelayForm.self, request, context)
            _ = try await database.run { try $0.delayWorkOrder(number, form, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        routes.post("work-orders/:number/photos", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await AttachmentUploads.body(PhotoInput.self, request, context, database: database)
            let bytes = try AttachmentUploads.bytes(input.content)
            return try JSON.response(
                try await database.run {
                    try $0.addWorkOrderPhoto(
                        number, name: input.name, bytes: bytes, note: input.note, actor: principal.name)
                }, status: .created)
        }
        routes.get("work-orders/:number/photos", .readWorkOrders) { _, context, _ in
            let number = try context.parameter("number")
            return try JSON.response(try await database.run { try $0.workOrderPhotos(number) })
        }
        routes.get("work-orders/:number/photos/:photo", .readWorkOrders) { _, context, _ in
            let number = try context.parameter("number")
            let photo = try context.rowID("photo", what: "a photo id")
            let (info, data) = try await database.run { try $0.workOrderPhoto(number, id: photo) }
            return AttachmentUploads.response(info, data)
        }
    }
}
