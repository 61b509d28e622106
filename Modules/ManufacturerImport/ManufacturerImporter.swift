import Foundation
import Core
import Catalog
import Warranty
import ManufacturerData
import ManufacturerXML
import StorageKernel
import ManufacturerStorage

/// Counts of one section of one file.
public struct SectionCounts: Codable, Sendable, Equatable {
    public var read = 0
    public var added = 0
    public var replaced = 0
    public var unchanged = 0
    public var skipped = 0
    public var rejected = 0

    public init() {}

    /// Outcomes counted elsewhere (staged vehicles, stored in VIN order).
    mutating func count(_ outcomes: [ItemOutcome: Int]) {
        added += outcomes[.added, default: 0]
        replaced += outcomes[.replaced, default: 0]
        unchanged += outcomes[.unchanged, default: 0]
        skipped += outcomes[.skipped, default: 0]
    }

    mutating func count(_ outcome: ItemOutcome) {
        switch outcome {
        case .added: added += 1
        case .replaced: replaced += 1
        case .unchanged: unchanged += 1
        case .skipped: skipped += 1
        }
    }
}

/// An item the import rejected, with its problems as `FILE:LINE:COLUMN: message`.
public struct RejectedItemReport: Codable, Sendable, Equatable {
    public var section: String
    public var item: String
    /// As the import finds the item (`rejections`): its problems as the reader lists them (the first 100, then a
    /// line counting the rest). In a `FileReport`: the first `ManufacturerImporter.problemsKeptPerItem` of them.
    public var errors: [String]
    /// Every problem found in the item, listed or not.
    public var problemCount: Int

    public init(section: String, item: String, errors: [String], problemCount: Int) {
        self.section = section
        self.item = item
        self.errors = errors
        self.problemCount = problemCount
    }
}

/// What importing (or validating) one file did: `aftersales-import` prints it, `--report` writes it as JSON,
/// and the import history keeps its counts.
public struct FileReport: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// Every item stored (or found unchanged).
        case imported
        /// `--keep-valid`: the valid items stored, the rejected ones listed.
        case partlyImported = "partly imported"
        /// Nothing written: the file or one of its items is invalid.
        case rejected
        /// Nothing to write: every item is already stored as it is.
        case unchanged
        /// `--dry-run` or `validate`: what an import would do; nothing written.
        case wouldImport = "would import"
        case wouldPartlyImport = "would partly import"
        /// `validate`: the file is valid.
        case valid
    }

    public var file: String
    public var outcome: Outcome
    public var written: Bool
    public var checksum: String?
    public var manufacturer: String?
    public var issued: String?
    public var importRun: Int64?
    /// The earlier import of a file with the same checksum, if any.
    public var sameChecksumAs: Int64?
    /// Set when nothing was read: the file was imported whole by this import, and nothing of the manufacturer's
    /// data has changed since (the counts are that import's, as reading the file again would give them).
    public var unchangedSince: Int64?
    /// When `unchangedSince` ran, in the dealer's time zone.
    public var unchangedSinceAt: String?
    public var sections: [String: SectionCounts]
    public var warningCount: Int
    public var warnings: [String]
    public var errors: [String]
    /// The first `ManufacturerImporter.rejectedItemsKept` rejected items, each with its first problems; every one,
    /// with all its problems, went to the `rejections` of the import as it was found.
    public var rejected: [RejectedItemReport]
    /// Every item rejected, listed in `rejected` or not.
    public var rejectedCount: Int
    public var bytes: Int64
    public var seconds: Double

    enum CodingKeys: String, CodingKey {
        case file, outcome, written, checksum, manufacturer, issued, importRun, sameChecksumAs, unchangedSince
        case unchangedSinceAt, sections
        case warningCount, warnings, errors, rejected, rejectedCount, bytes, seconds
    }

    /// Set to true in an encoder's `userInfo` to leave `rejected` out: a report file writes the rejected items apart,
    /// as the import finds them.
    public static let omitRejected = CodingUserInfoKey(rawValue: "aftersales.omitRejected")!

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(written, forKey: .written)
        try container.encodeIfPresent(checksum, forKey: .checksum)
        try container.encodeIfPresent(manufacturer, forKey: .manufacturer)
        try container.encodeIfPresent(issued, forKey: .issued)
        try container.encodeIfPresent(importRun, forKey: .importRun)
        try container.encodeIfPresent(sameChecksumAs, forKey: .sameChecksumAs)
        try container.encodeIfPresent(unchangedSince, forKey: .unchangedSince)
        try container.encodeIfPresent(unchangedSinceAt, forKey: .unchangedSinceAt)
        try container.encode(sections, forKey: .sections)
        try container.encode(warningCount, forKey: .warningCount)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(errors, forKey: .errors)
        if encoder.userInfo[Self.omitRejected] as? Bool != true { try container.encode(rejected, forKey: .rejected) }
        try container.encode(rejectedCount, forKey: .rejectedCount)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(seconds, forKey: .seconds)
    }

    /// The counts kept in the import history.
    var historyCounts: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(sections)) ?? Data(), as: UTF8.self)
    }

    var succeeded: Bool { outcome != .rejected }
    var partial: Bool { outcome == .partlyImported || outcome == .wouldPartlyImport }
}

/// How to import.
public struct ImportOptions: Sendable {
    /// Run the whole import in a transaction and roll it back: exact counts, nothing written.
    public var dryRun = false
    /// Store the valid items of a file and list the rejected ones (otherwise any error rejects the file).
    public var keepValid = false
    /// Only these sections may appear (`bulletins add --file` takes bulletins only); nil: all.
    public var sections: Set<Section>?

    public init(dryRun: Bool = false, keepValid: Bool = false, sections: Set<Section>? = nil) {
        self.dryRun = dryRun
        self.keepValid = keepValid
        self.sections = sections
    }
}

/// Progress of one file: bytes of the file read, its size, items read.
public struct ImportProgress: Sendable {
    public var bytesRead: Int64
    public var totalBytes: Int64
    public var items: Int
}

/// Imports manufacturer files (MANUFACTURER-XML.md) through the storage layer's use cases: one transaction per file,
/// revision rules for bulletins, keys for the catalogue, terms and master data, idempotent.
///
/// Memory stays flat whatever a file holds, valid or not: each rejected item goes to `rejections` as it is found
/// (the terminal, the report file), and the report keeps counts and only the first items and problems.
public enum ManufacturerImporter {
    /// The problems of a rejected item its `FileReport` keeps (all are counted, and all go to `rejections`). Five
    /// is what the terminal shows of an item: enough to see what is wrong with it (a bulletin of bad VINs has the
    /// same problem a hundred times), and the kept items then take about 1 MB at most, where keeping the reader's
    /// hundred took 150 MB for a 100 MB file of 5,800 such bulletins.
    public static let problemsKeptPerItem = 5
    /// The rejected items a `FileReport` keeps (all are counted, and all go to `rejections`): as many as the file
    /// errors and warnings it keeps. A file may reject millions of vehicles.
    public static let rejectedItemsKept = 1000

    /// Validates a file against the schema and the contract's content rules; touches no database. Each rejected
    /// item goes to `rejections` as it is found.
    public static func validate(
        path: String, options: ImportOptions = ImportOptions(), progress: ((ImportProgress) -> Void)? = nil,
        rejections: ((RejectedItemReport) -> Void)? = nil
    ) -> FileReport {
        let run = Run(path: path, options: options, rejections: rejections)
        run.validateOnly = true
        run.execute(batch: nil, progress: progress)
        return run.finish(written: false, importRun: nil, sameChecksumAs: nil)
    }

    /// Imports one file in one transaction. Each rejected item goes to `rejections` as it is found.
    public static func importFile(
        path: String, into database: AppDatabase, actor: String, options: ImportOptions = ImportOptions(),
        progress: ((ImportProgress) -> Void)? = nil, rejections: ((RejectedItemReport) -> Void)? = nil
    ) -> FileReport {
        let run = Run(path: path, options: options, rejections: rejections)
        do {
            return try database.withManufacturerBatch(
                actor: actor, source: "import of \((path as NSString).lastPathComponent)", dryRun: options.dryRun
            ) { batch in
                if !options.dryRun, options.sections == nil, let report = try run.unchanged(batch) {
                    return (false, report)
                }
                run.execute(batch: batch, progress: progress)
                let same = run.checksum.flatMap { try? batch.previousImport(checksum: $0) }
                let changed = run.sections.values.contains { $0.added + $0.replaced > 0 }
                guard !run.failed, changed, !options.dryRun else {
                    return (false, run.finish(written: false, importRun: nil, sameChecksumAs: same))
                }
                let id = try batch.finish(
                    file: path, checksum: run.checksum ?? "", counts: run.report(written: true).historyCounts,
                    complete: run.rejectedCount == 0, bytes: run.bytes)
                return (true, run.finish(written: true, importRun: id, sameChecksumAs: same))
            }
        } catch {
            run.errors.append("\(path): \((error as? any AfterSalesError)?.detail ?? "\(error)")")
            run.failed = true
            return run.finish(written: false, importRun: nil, sameChecksumAs: nil)
        }
    }

    /// The state of one file's import.
    final class Run {
        let path: String
        let options: ImportOptions
        /// Elapsed time (progress, the report's seconds) is measured on the monotonic clock: it is no business
        /// time, so neither the injected clock nor the dealer's zone has a say in it.
        let started = ContinuousClock.now
        var sections: [Section: SectionCounts] = [:]
        var errors: [String] = []
        /// The first rejected items, each with its first problems; all go to `rejections` as they are found.
        var rejected: [RejectedItemReport] = []
        var rejectedCount = 0
        let rejections: ((RejectedItemReport) -> Void)?
        var warnings: [String] = []
        var warningCount = 0
        /// An item or the file was rejected and the file cannot be kept (stop writing, keep reading to report).
        var failed = false
        var checksum: String?
        var manufacturer: String?
        var issued: String?
        var bytes: Int64 = 0
        var items = 0
        var validateOnly = false

        init(path: String, options: ImportOptions, rejections: ((RejectedItemReport) -> Void)?) {
            self.path = path
            self.options = options
            self.rejections = rejections
        }

        /// An item is rejected with its `problems` (`count` in all): handed on whole, and kept in part.
        func reject(_ section: Section, _ item: String, _ problems: [String], count: Int) {
            sections[section, default: SectionCounts()].rejected += 1
            rejectedCount += 1
            var report = RejectedItemReport(
                section: section.rawValue, item: item, errors: problems, problemCount: count)
            rejections?(report)
            if rejected.count < ManufacturerImporter.rejectedItemsKept {
                report.errors = Array(report.errors.prefix(ManufacturerImporter.problemsKeptPerItem))
                rejected.append(report)
            }
            if !options.keepValid { failed = true }
        }

        func warn(_ text: String) {
            warningCount += 1
            if warnings.count < 1000 { warnings.append(text) }
        }

        /// The report of a file imported whole before, when nothing of the manufacturer's data has changed since:
        /// every item it holds is stored as that import left it, so the file is only hashed, not read item by item.
        /// The counts are that import's, as reading the file again would give them (what it skipped is skipped again,
        /// the rest unchanged); its warnings were given then. Nil: the file must be read.
        func unchanged(_ batch: ManufacturerBatch) throws -> FileReport? {
            guard let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber,
                let since = try batch.importStillCurrent(bytes: size.int64Value),
                let checksum = try? ManufacturerReader.contentChecksum(path: path), checksum == since.checksum
            else { return nil }
            self.checksum = checksum
            bytes = size.int64Value
            let stored = try JSONDecoder().decode(
                [String: SectionCounts].self, from: Data(since.counts.utf8))
            for (key, counts) in stored {
                guard let section = Section(rawValue: key) else { continue }
                var again = SectionCounts()
                again.read = counts.read
                again.skipped = counts.skipped
                again.unchanged = counts.read - counts.skipped - counts.rejected
                sections[section] = again
            }
            var report = finish(written: false, importRun: nil, sameChecksumAs: since.id)
            report.unchangedSince = since.id
            report.unchangedSinceAt = since.at
            return report
        }

        /// Reads the whole file; with a batch, stores each item as it comes (until the file is known to be rejected).
        func execute(batch: ManufacturerBatch?, progress: ((ImportProgress) -> Void)?) {
            let reader: ManufacturerReader
            do { reader = try ManufacturerReader(path: path) } catch {
                errors.append((error as? XMLInputError)?.description ?? "\(path): \(error)")
                failed = true
                return
            }
            var bulletinOpen = false, inBulletin = false
            var lastProgress: ContinuousClock.Instant?
            let totalBytes = reader.totalBytes
            // Where the staged vehicles began in the file. Near the end of the file the stage is stored before it is
            // full, while the reader still has work to do: whenever what is left of the file holds fewer vehicles
            // than half those staged. What is left to store after the last item is then small, not up to a whole
            // stage of 100,000 with nothing beside it to overlap (a dry run spent its last 0.3 s on that).
            var stageFrom: Int64 = 0
            func storeEarlyNearTheEnd(_ batch: ManufacturerBatch, at position: Int64) throws {
                let staged = batch.stagedVehicles
                if staged <= 1 { stageFrom = position; return }
                guard staged >= 4096, totalBytes > position, position > stageFrom else { return }
                let bytesPerVehicle = Double(position - stageFrom) / Double(staged)
                if Double(totalBytes - position) < bytesPerVehicle * Double(staged) / 2 {
                    try batch.storeStagedVehicles()
                    stageFrom = position
                }
            }
            func handle(_ read: ReadItem) throws {
                let item = read.item
                let itemLine = read.line
                items += 1
                if progress != nil, items % 1024 == 0,
                    lastProgress.map({ $0.duration(to: .now) > .milliseconds(200) }) ?? true
                {
                    lastProgress = .now
                    progress?(ImportProgress(bytesRead: read.bytesRead, totalBytes: totalBytes, items: items))
                }
                let writing = !failed ? batch : nil
                switch item {
                case .bulletinBegin(let head):
                    sections[.bulletins, default: SectionCounts()].read += 1
                    inBulletin = true
                    if let allowed = options.sections, !allowed.contains(.bulletins) { return }
                    guard let batch = writing else { return }
                    try attempt(.bulletins, "bulletin \(head.number)", itemLine) {
                        if options.keepValid { try batch.beginItem() }
                        try batch.beginBulletin(
                            manufacturer: head.manufacturer, number: head.number, revision: head.revision,
                            kind: head.kind,
                            issued: head.issued, status: head.status)
                        bulletinOpen = true
                    }
                case .bulletinVINs:
                    guard bulletinOpen, let batch = writing else { return }
                    try attempt(.bulletins, "bulletin", itemLine) {
                        if batch.countsVINsOnly {
                            batch.countBulletinVINs(read.vinCount)
                        } else {
                            try batch.addBulletinVINs(read.vins())
                        }
                    }
                case .bulletinEnd(let bulletin):
                    inBulletin = false
                    guard bulletinOpen, let batch = writing else { return }
                    bulletinOpen = false
                    let stored = try attempt(.bulletins, "bulletin \(bulletin.number)", itemLine) {
                        () -> BulletinStoreResult in
                        let result = try batch.endBulletin(bulletin)
                        if options.keepValid { try batch.keepItem() }
                        return result
                    }
                    if let stored {
                        let outcome: ItemOutcome =
                            switch stored.outcome {
                            case .added: .added
                            case .replaced: .replaced
                            case .unchanged: .unchanged
                            case .stale: .skipped
                            }
                        sections[.bulletins, default: SectionCounts()].count(outcome)
                        if let warning = stored.warning { warn("\(path):\(itemLine):1: \(warning)") }
                    } else if options.keepValid {
                        try? batch.dropItem()
                    }
                case .rejected(let item):
                    if item.section == .bulletins, bulletinOpen, options.keepValid, let batch = writing {
                        try? batch.dropItem()
                    }
                    if !(item.section == .bulletins && inBulletin) {
                        sections[item.section, default: SectionCounts()].read += 1
                    }
                    if item.section == .bulletins { bulletinOpen = false; inBulletin = false }
                    reject(item.section, item.key, item.errors.map(\.description), count: item.problemCount)
                case .labourOperation(let operation):
                    try store(.labourOperations, "labour operation \(operation.key)", itemLine, writing) {
                        try $0.store(operation)
                    }
                case .part(let part):
                    try store(.parts, "part \(part.number)", itemLine, writing) { batch in
                        // A price takes effect on the file's issue day; a file without one (it is refused all
                        // the same) prices from the import's day: the injected clock's, in the dealer's zone (T-2).
                        let (outcome, warning) = try batch.store(part, effective: read.issuedDay ?? batch.today())
                        if let warning { warn("\(path):\(itemLine):1: \(warning)") }
                        return outcome
                    }
                case .warrantyTerm(let term):
                    try store(
                        .warrantyTerms,
                        "warranty term \(term.make)/\(term.model ?? "*")/\(term.usage.rawValue) from \(term.effective)",
                        itemLine, writing
                    ) { batch in
                        let (outcome, flag) = try batch.store(term)
                        if let flag, outcome != .unchanged {
                            let term: Phrase = "warranty term \(term.make)/\(term.model ?? "*")"
                            warn("\(path):\(itemLine):1: \(term.rendered()): \(flag)")
                        }
                        return outcome
                    }
                case .partsWarranty(let term):
                    try store(
                        .warrantyTerms, "parts warranty \(term.make)/\(term.model ?? "*") from \(term.effective)",
                        itemLine, writing
                    ) { try $0.store(term) }
                case .vehicle(let vehicle):
                    // Staged: their outcomes are counted when the batch stores them, in VIN order (below).
                    try store(.vehicles, "vehicle \(vehicle.vin)", itemLine, writing) {
                        try $0.store(vehicle); return nil
                    }
                    if let batch = writing { try storeEarlyNearTheEnd(batch, at: read.bytesRead) }
                }
            }
            do {
                if let batch {
                    // Importing: libxml2 parses and validates on another core while SQLite writes on this one.
                    try ReadItem.stream(reader, into: handle)
                    if !failed {
                        let stored = try batch.storeStagedVehicles()
                        sections[.vehicles, default: SectionCounts()].count(stored)
                    }
                } else {
                    while let item = try reader.next() {
                        try handle(
                            ReadItem(
                                item: item, line: reader.itemLine, issuedDay: reader.issuedDay,
                                bytesRead: reader.bytesRead))
                    }
                }
            } catch let error as XMLInputError {
                errors.append(error.description)
                failed = true
            } catch {
                errors.append("\(path): \((error as? any AfterSalesError)?.detail ?? "\(error)")")
                failed = true
            }
            for error in reader.fileErrors { errors.append(error.description) }
            if reader.fileErrorCount > reader.fileErrors.count {
                let more = reader.fileErrorCount - reader.fileErrors.count
                errors.append(Phrase("\(path): … and \(more) more problems").rendered())
            }
            if reader.fileErrorCount > 0 { failed = true }
            if let allowed = options.sections {
                for section in reader.sectionsSeen where !allowed.contains(section) {
                    let reads = Phrase.joined(
                        allowed.map { Phrase(key: $0.rawValue) }.sorted { $0.key < $1.key }, separator: ", ")
                    let only: Phrase =
                        "\(path): this command reads \(reads) only; import \(Phrase(key: section.rawValue)) with "
                        + "aftersales-import"
                    errors.append(only.rendered())
                    failed = true
                }
            }
            for warning in reader.warnings { warn(warning.description) }
            warningCount += reader.warningCount - reader.warnings.count
            checksum = reader.checksum()
            manufacturer = reader.manufacturer.isEmpty ? nil : reader.manufacturer
            issued = reader.issued.map { Instant.utcString($0) }
            bytes = reader.totalBytes
            progress?(ImportProgress(bytesRead: reader.totalBytes, totalBytes: reader.totalBytes, items: items))
        }

        /// Stores one simple item, in its own savepoint when valid items are kept; a rule it breaks rejects it.
        func store(
            _ section: Section, _ key: @autoclosure () -> String, _ line: Int, _ batch: ManufacturerBatch?,
            _ body: (ManufacturerBatch) throws -> ItemOutcome?
        ) throws {
            sections[section, default: SectionCounts()].read += 1
            if let allowed = options.sections, !allowed.contains(section) { return }
            guard let batch else { return }
            let outcome = try attempt(section, key(), line) { () -> ItemOutcome? in
                if options.keepValid { try batch.beginItem() }
                let outcome = try body(batch)
                if options.keepValid { try batch.keepItem() }
                return outcome
            }
            switch outcome {
            case .some(.some(let outcome)): sections[section, default: SectionCounts()].count(outcome)
            case .some(.none): break  // counted when the batch stores it
            case .none: if options.keepValid { try? batch.dropItem() }
            }
        }

        /// Runs a storage step of a bulletin; a rule it breaks (a revision conflict) rejects the bulletin.
        @discardableResult
        func attempt<T>(
            _ section: Section, _ key: @autoclosure () -> String, _ line: Int, _ body: () throws -> T
        ) throws -> T? {
            // Only the item's own problems reject it; anything else (the disk, SQLite) fails the file.
            do { return try body() } catch let error as any AfterSalesError {
                let key = key()
                let item = ItemKey.spoken(key).rendered()
                reject(section, key, ["\(path):\(line):1: \(item): \(error.detail)"], count: 1)
                return nil
            }
        }

        func report(written: Bool) -> FileReport {
            var counts: [String: SectionCounts] = [:]
            for (section, value) in sections { counts[section.rawValue] = value }
            return FileReport(
                file: path, outcome: .rejected, written: written, checksum: checksum, manufacturer: manufacturer,
                issued: issued,
                importRun: nil, sameChecksumAs: nil, sections: counts, warningCount: warningCount, warnings: warnings,
                errors: errors,
                rejected: rejected, rejectedCount: rejectedCount, bytes: bytes,
                seconds: Self.seconds(started.duration(to: .now)))
        }

        /// A duration in seconds, as the report gives it.
        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }

        func finish(written: Bool, importRun: Int64?, sameChecksumAs: Int64?) -> FileReport {
            var report = report(written: written)
            report.importRun = importRun
            report.sameChecksumAs = sameChecksumAs
            let anyRejected = rejectedCount > 0
            if failed {
                report.outcome = .rejected
                // Nothing was written: only the rejections count.
                for key in report.sections.keys {
                    let rejectedCount = report.sections[key]!.rejected, read = report.sections[key]!.read
                    var cleared = SectionCounts()
                    cleared.read = read
                    cleared.rejected = rejectedCount
                    report.sections[key] = cleared
                }
            } else if validateOnly {
                report.outcome = anyRejected ? .wouldPartlyImport : .valid
            } else if written {
                report.outcome = anyRejected ? .partlyImported : .imported
            } else if options.dryRun, sections.values.contains(where: { $0.added + $0.replaced > 0 }) {
                report.outcome = anyRejected ? .wouldPartlyImport : .wouldImport
            } else {
                report.outcome = anyRejected ? .partlyImported : .unchanged
            }
            return report
        }
    }
}

/// An item as the reader gave it, with where it stood: what the importing side needs of the reader's state.
struct ReadItem: Sendable {
    var item: ManufacturerItem
    let line: Int
    let issuedDay: LocalDate?
    let bytesRead: Int64
    /// A batch of VINs waiting in the spill file (`item` is then an empty `bulletinVINs`).
    var spilled: (file: VINSpill, extent: VINSpill.Extent)?

    init(item: ManufacturerItem, line: Int, issuedDay: LocalDate?, bytesRead: Int64) {
        self.item = item
        self.line = line
        self.issuedDay = issuedDay
        self.bytesRead = bytesRead
    }

    /// A `bulletinVINs` item's VINs, read back from the spill file when they wait there.
    func vins() throws -> [VIN] {
        if let spilled { return try spilled.file.read(spilled.extent) }
        if case .bulletinVINs(let vins) = item { return vins }
        return []
    }

    /// How many VINs a `bulletinVINs` item holds, without reading them back.
    var vinCount: Int {
        if let spilled { return spilled.extent.count }
        if case .bulletinVINs(let vins) = item { return vins.count }
        return 0
    }

    /// Roughly the memory an item holds while it waits in the pipe: itself and what its texts keep on the heap.
    var weight: Int {
        let size = MemoryLayout<ReadItem>.stride
        switch item {
        case .bulletinVINs(let vins): return size + vins.count * MemoryLayout<VIN>.stride
        case .bulletinEnd(let bulletin):
            return size + 4096 + bulletin.summary.utf8.count + bulletin.remedy.utf8.count
                + (bulletin.consequence?.utf8.count ?? 0)
        case .labourOperation(let operation): return size + operation.description.utf8.count
        case .part(let part): return size + part.name.utf8.count
        // A problem: its phrase (template, arguments, texts) and the error around it, a few hundred bytes (heaptrack).
        case .rejected(let rejected): return size + rejected.errors.count * 512
        default: return size + 32
        }
    }

    /// The reader, handed to the thread that drives it; the importing side touches it again only after that
    /// thread has finished (the pipe's lock orders the two).
    final class Handle: @unchecked Sendable {
        let reader: ManufacturerReader
        init(_ reader: ManufacturerReader) { self.reader = reader }
    }

    /// Reads the file on another thread and hands each item to `handle` here, in order; a reading error comes
    /// after the items before it.
    ///
    /// The two sides go at different speeds through a file: SQLite is slower than the reader through a VIN
    /// list (two B-trees per VIN), the reader slower than SQLite through vehicles (which are only staged). So
    /// that neither waits for long, the VINs go through a temporary file (17 bytes each) and the pipe carries
    /// only where they are: the reader runs ahead through a national list while SQLite catches up, and memory
    /// stays flat (at most 4 MiB of items wait in the pipe, in batches of about 256 KiB of work or 1 MiB). The
    /// importing side reads a batch of VINs back only if it needs them (`ReadItem.vins()`; a dry run counts most).
    static func stream(_ reader: ManufacturerReader, into handle: (ReadItem) throws -> Void) throws {
        let source = Handle(reader)
        let spill = try VINSpill(for: reader.file)
        _ = try BatchPipe<ReadItem, Bool>.run(
            capacity: 8192, weightLimit: 1 << 22,
            produce: { pipe in
                let reader = source.reader
                var batch: [ReadItem] = []
                var work = 0, memory = 0
                while let item = try reader.next() {
                    var read = ReadItem(
                        item: item, line: reader.itemLine, issuedDay: reader.issuedDay, bytesRead: reader.bytesRead)
                    switch item {
                    case .bulletinVINs(let vins):
                        if let extent = try spill.write(vins) {
                            read.spilled = (spill, extent)
                            read.item = .bulletinVINs([])
                        }
                        work += vins.count * 48
                    case .bulletinEnd:
                        work += 2048
                    default:
                        work += 256
                    }
                    memory += read.weight
                    batch.append(read)
                    // A batch goes when it holds about 256 KiB of work or 1 MiB of memory: rejected items are
                    // little work but carry their problems (a bulletin with a hundred bad VINs, ~50 KiB), and a batch
                    // that waited for work alone held a thousand of them, the whole of a 20 MB file.
                    if work >= 1 << 18 || memory >= 1 << 20 {
                        guard pipe.put(batch, weight: memory) else { throw PipeCancelled() }
                        batch.removeAll(keepingCapacity: true)
                        work = 0
                        memory = 0
                    }
                }
                if !batch.isEmpty { _ = pipe.put(batch, weight: memory) }
                return true
            },
            consume: { read in
                // Done with, read back or not: the file starts over once everything written is done with.
                defer { if let spilled = read.spilled { spilled.file.release(spilled.extent) } }
                try handle(read)
            })
    }
}

/// VIN batches on their way from the reader to SQLite, waiting in an unlinked temporary file (nothing is left
/// behind, even by a killed import): 17 bytes a VIN instead of a String each in memory. The file starts again
/// from its beginning whenever every batch written is done with (read back or not), so it holds at most what
/// SQLite is behind.
final class VINSpill: @unchecked Sendable {
    /// Where a batch lies in the file.
    struct Extent: Sendable {
        let offset: Int64
        let count: Int
    }

    private let descriptor: Int32
    /// The manufacturer file being imported, which a failure of the temporary file is reported against.
    private let file: String
    private let lock = NSLock()
    /// Bytes written (the reader's thread) and read back (the importing thread), under `lock`.
    private var written: Int64 = 0
    private var consumed: Int64 = 0

    init(for file: String) throws {
        self.file = file
        var template = Array((NSTemporaryDirectory() + "/aftersales-import-vins.XXXXXX").utf8CString)
        descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot create") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    }

    deinit { close(descriptor) }

    /// The error of the import when the temporary file fails (a full disk): the file's, at no line.
    private func failure(_ what: Phrase) -> XMLInputError {
        XMLInputError(
            file: file, line: 0, column: 0,
            saying:
                "\(what) the temporary file for VIN lists in \(NSTemporaryDirectory()): "
                + "\(Phrase.osError(errno))"
        )
    }

    /// Moves `count` bytes between `buffer` and the file at `offset` with `transfer` (pread or pwrite), however
    /// many calls that takes.
    private func all(
        _ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int64, _ what: Phrase,
        _ transfer: (Int32, UnsafeMutableRawPointer, Int, off_t) -> Int
    ) throws {
        var done = 0
        while done < count {
            let n = transfer(descriptor, buffer + done, count - done, off_t(offset) + off_t(done))
            guard n > 0 else { throw failure(what) }
            done += n
        }
    }

    /// Writes a batch and returns where it lies; nil (nothing written) unless every VIN is 17 bytes, as the
    /// reader's validated VINs are.
    func write(_ vins: [VIN]) throws -> Extent? {
        guard vins.allSatisfy({ $0.withUTF8(\.count) == 17 }) else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(vins.count * 17)
        for vin in vins { vin.withUTF8 { bytes.append(contentsOf: $0) } }
        lock.lock()
        if consumed == written {
            written = 0
            consumed = 0
            _ = ftruncate(descriptor, 0)
        }
        let offset = written
        lock.unlock()
        try bytes.withUnsafeMutableBytes {
            try all($0.baseAddress!, $0.count, at: offset, "cannot write") { pwrite($0, $1, $2, $3) }
        }
        lock.lock()
        written = offset + Int64(bytes.count)
        lock.unlock()
        return Extent(offset: offset, count: vins.count)
    }

    /// Marks a batch as done with (read back or not); batches are released in the order they were written.
    func release(_ extent: Extent) {
        lock.lock()
        consumed = extent.offset + Int64(extent.count * 17)
        lock.unlock()
    }

    /// Reads a batch back (it stays in the file until released).
    func read(_ extent: Extent) throws -> [VIN] {
        var bytes = [UInt8](repeating: 0, count: extent.count * 17)
        try bytes.withUnsafeMutableBytes {
            try all($0.baseAddress!, $0.count, at: extent.offset, "cannot read") { pread($0, $1, $2, $3) }
        }
        return bytes.withUnsafeBufferPointer { all in
            (0..<extent.count).map { VIN(trustedUTF8: UnsafeBufferPointer(rebasing: all[($0 * 17)..<($0 * 17 + 17)])) }
        }
    }
}
