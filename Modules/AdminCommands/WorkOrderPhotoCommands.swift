import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrders

extension WorkOrderCommand {
    /// `workorder photo add|list|get`: the walk-around photos kept with the order, like a complaint's evidence.
    struct Photo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Photos of the walk-around (A-6): damage and belongings, kept with the order."),
            subcommands: [Add.self, List.self, Get.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Keep a photo of the walk-around with the order; its type and size are checked."),
                discussion: Help.text(
                    "aftersales workorder photo add 京N·88888 右前门划痕.jpg --note \"右前门划痕\"",
                    permission: .writeWorkOrders,
                    more: "JPEG, PNG or HEIC, at most complaints.attachment.max-mb MB, as complaint evidence (K-14)."))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument
            @Argument(help: ArgumentHelp(say("The photo file."), valueName: "file")) var file: String
            @Option(help: ArgumentHelp(say("What the photo shows."))) var note: String?

            func run() throws {
                let db = try global.open()
                let number = try order.number(in: db)
                let photo = try db.addWorkOrderPhoto(
                    number, name: file, bytes: try AttachedFiles.read(file), note: note, actor: global.actorName)
                try WorkOrderCommand.Photo.emit(
                    try db.workOrderPhotos(number), db: db, global: global,
                    note: "photo \(photo.id) kept with \(number) (A-6)")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("List the order's walk-around photos."),
                discussion: Help.text("aftersales workorder photo list 京N·88888", permission: .readWorkOrders))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument

            func run() throws {
                let db = try global.open()
                try WorkOrderCommand.Photo.emit(
                    try db.workOrderPhotos(try order.number(in: db)), db: db, global: global)
            }
        }

        struct Get: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Write a walk-around photo's bytes to a file."),
                discussion: Help.text(
                    "aftersales workorder photo get 京N·88888 1 --out /tmp/photo.jpg", permission: .readWorkOrders))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument
            @Argument(
                help: ArgumentHelp(say("Photo id (`aftersales workorder photo list` lists them).")),
                transform: Typed.rowID)
            var photo: Int64
            @Option(help: ArgumentHelp(say("Where to write it."))) var out: String

            func run() throws {
                let db = try global.open()
                let (info, data) = try db.workOrderPhoto(try order.number(in: db), id: photo)
                try AttachedFiles.write(info, data, to: out, output: global.output)
            }
        }

        static func emit(_ photos: [AttachmentInfo], db: AppDatabase, global: GlobalOptions, note: Phrase? = nil) throws
        {
            if let note { global.output.note(note) }
            let zone = try db.settings().timeZone
            try global.output.emit(
                photos, table: AttachedFiles.table(photos, zone: zone),
                footer: photos.isEmpty ? "no photo yet" : nil)
        }
    }
}
