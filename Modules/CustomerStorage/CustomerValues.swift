import Customers
import GRDB
import StorageKernel

// Storage conformances of the customer-base types, kept here so the Customers module stays free of GRDB.

extension CustomerClass: DatabaseValueConvertible {}
extension PotentialGrade: DatabaseValueConvertible {}
extension PartyKind: DatabaseValueConvertible {}
extension Gender: DatabaseValueConvertible {}
extension Usage: DatabaseValueConvertible {}
extension Contact.Channel: DatabaseValueConvertible {}
extension Contact.Direction: DatabaseValueConvertible {}
extension Contact.Outcome: DatabaseValueConvertible {}
extension CareTask.Kind: DatabaseValueConvertible {}
