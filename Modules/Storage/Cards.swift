import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrderStorage

/// The whole customer card (C-6) as the CLI and API show it.
public struct CustomerCard: Codable, Sendable {
    public var customer: Customer
    /// What the potential customer's grade rests on (C-2), when graded.
    public var gradeCriteria: [GradeCriterion]?
    public var phones: [CustomerPhone]
    public var vehicles: [Vehicle]
    public var classHistory: [ClassMove]
    public var recentContacts: [Contact]
    public var openTasks: [CareTask]
    /// Open recalls and service campaigns of the customer's vehicles (W-6).
    public var openBulletins: [VehicleBulletin]
    /// The customer's complaints not yet closed, a crisis first (K-8), then by priority (K-13).
    public var openComplaints: [CardComplaint]
    /// Each vehicle's warranty today and latest mileage, as the counter needs them (W-8, C-6).
    public var vehicleStatus: [VehicleStatus]
    /// Each vehicle's service history (C-6): its latest repair orders, newest first.
    public var serviceHistory: [ServiceHistory] = []
}

/// An open complaint as the customer card shows it.
public struct CardComplaint: Codable, Sendable, Equatable {
    public var id: Int64
    public var receivedAt: Date
    public var category: String
    public var state: String
    public var crisis: Bool
    public var priority: Int
    public var owner: String
    public var description: String
}

/// A vehicle's warranty today (the answer `warranty check` gives at its latest reading) and its latest mileage.
public struct VehicleStatus: Codable, Sendable, Equatable {
    public var vin: VIN
    public var plate: String?
    public var latestKilometres: Int?
    public var latestReadingAt: Date?
    /// nil when no delivery is recorded (warranty starts at delivery).
    public var covered: Bool?
    public var warranty: String
    /// The last day the vehicle warranty covers (T-1), when a term applies.
    public var warrantyLastDay: LocalDate?
}

/// A vehicle with its history (usage changes, mileage readings) and owner.
public struct VehicleCard: Codable, Sendable {
    public var vehicle: Vehicle
    public var ownerName: String
    /// The usage at delivery, which warranty follows (W-2).
    public var deliveryUsage: Usage
    public var usageHistory: [UsageChange]
    public var mileage: [MileageReading]
    public var latestKilometres: Int?
    public var checkDigitWarning: String?
    /// Open recalls and service campaigns (W-6), shown wherever the vehicle is.
    public var openBulletins: [VehicleBulletin]
    /// The vehicle's service history (C-6): its latest repair orders, newest first.
    public var serviceHistory: ServiceHistory?
}
/// What adding or delivering a vehicle did, beyond storing it.
public struct VehicleResult: Codable, Sendable {
    public var card: VehicleCard
    public var warnings: [String]
    /// Care-plan tasks created (C-7).
    public var createdTasks: [CareTask]
    /// Why no care plan was created, when one might be expected.
    public var carePlanNote: String?
}
