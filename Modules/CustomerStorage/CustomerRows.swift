import Core
import Customers
import Foundation
import GRDB
import StorageKernel

// Row mapping of the customer base, written out by hand: explicit columns, no reflection on hot paths.

extension Customer: Audited {
    package init(row: Row) {
        self.init(
            id: row["id"], kind: row["kind"] ?? .person, name: row["name"],
            customerClass: row["customer_class"] ?? .potential,
            grade: row["grade"], source: row["source"], gender: row["gender"], birthDate: row["birth_date"],
            region: row["region"], occupation: row["occupation"], email: row["email"], address: row["address"],
            owner: row["owner"], externalRef: row["external_ref"], note: row["note"],
            createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    package static let insertSQL = """
        INSERT INTO customer (kind, name, customer_class, grade, source, gender, birth_date, region, occupation, email,
                              address, owner, external_ref, note, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    package var insertArguments: StatementArguments {
        [
            kind, name, customerClass, grade, source, gender, birthDate, region, occupation, email,
            address, owner, externalRef, note, createdAt, updatedAt,
        ]
    }

    package var auditFields: [String: String?] {
        [
            "kind": kind.rawValue, "name": name, "class": customerClass.rawValue, "grade": grade?.rawValue,
            "source": source,
            "gender": gender?.rawValue, "birth_date": birthDate?.description, "region": region,
            "occupation": occupation,
            "email": email, "address": address, "owner": owner, "external_ref": externalRef, "note": note,
        ]
    }
}

extension Vehicle: Audited {
    package init(row: Row) {
        self.init(
            id: row["id"], customerID: row["customer_id"], vin: row["vin"], plate: row["plate"], make: row["make"],
            model: row["model"], modelYear: row["model_year"], buildDate: row["build_date"],
            usage: row["usage"] ?? .private,
            invoiceDate: row["invoice_date"], deliveredAt: row["delivered_at"], createdAt: row["created_at"])
    }

    package static let insertSQL = """
        INSERT INTO vehicle (customer_id, vin, plate, plate_key, make, model, model_year, build_date, usage, \
        invoice_date, delivered_at, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    package var insertArguments: StatementArguments {
        [
            customerID, vin, plate, plate.map(ContactDetails.plateKey), make, model, modelYear, buildDate, usage,
            invoiceDate, deliveredAt, createdAt,
        ]
    }

    package var auditFields: [String: String?] {
        [
            "customer_id": customerID.description, "vin": vin.value, "plate": plate, "make": make, "model": model,
            "model_year": modelYear.map(String.init), "build_date": buildDate?.description, "usage": usage.rawValue,
            "invoice_date": invoiceDate?.description, "delivered_at": deliveredAt.map(Instant.utcString),
        ]
    }
}

extension MileageReading {
    package init(row: Row) {
        self.init(
            vehicleID: row["vehicle_id"], kilometres: row["kilometres"], readAt: row["read_at"], source: row["source"],
            odometerReplaced: row["odometer_replaced"])
    }
}

extension UsageChange {
    package init(row: Row) {
        self.init(
            vehicleID: row["vehicle_id"], usage: row["usage"] ?? .private, effective: row["effective"],
            recordedAt: row["recorded_at"], actor: row["actor"], reason: row["reason"])
    }
}

extension ClassMove {
    package init(row: Row) {
        self.init(
            customerID: row["customer_id"], from: row["from_class"], to: row["to_class"] ?? .potential, at: row["at"],
            actor: row["actor"], reason: row["reason"], grade: row["grade"])
    }
}

extension Contact: Audited {
    package init(row: Row) {
        self.init(
            id: row["id"], customerID: row["customer_id"], vehicleID: row["vehicle_id"],
            channel: row["channel"] ?? .phone,
            direction: row["direction"] ?? .outbound, at: row["at"], staff: row["staff"],
            outcome: row["outcome"] ?? .reached,
            note: row["note"], taskID: row["task_id"])
    }

    package var auditFields: [String: String?] {
        [
            "customer_id": customerID.description, "vehicle_id": vehicleID?.description, "channel": channel.rawValue,
            "direction": direction.rawValue, "at": Instant.utcString(at), "staff": staff, "outcome": outcome.rawValue,
            "note": note, "task_id": taskID.map(String.init),
        ]
    }
}

extension CareTask: Audited {
    package init(row: Row) {
        self.init(
            id: row["id"], customerID: row["customer_id"], vehicleID: row["vehicle_id"],
            kind: row["kind"] ?? .monthlyCall,
            sequence: row["sequence"], rule: row["rule"], windowStart: row["window_start"], dueOn: row["due_on"],
            assignee: row["assignee"], note: row["note"], doneAt: row["done_at"], doneBy: row["done_by"],
            response: row["response"])
    }

    package var auditFields: [String: String?] {
        [
            "vehicle_id": vehicleID.description, "kind": kind.rawValue, "sequence": String(sequence), "rule": rule,
            "due_on": dueOn.description, "assignee": assignee, "done_at": doneAt.map(Instant.utcString),
            "done_by": doneBy,
            "response": response,
        ]
    }
}
