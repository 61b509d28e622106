import Campaigns
import CustomerStorage
import GRDB
import Messaging
import StorageKernel

extension MessageChannel: DatabaseValueConvertible {}
extension MessageCategory: DatabaseValueConvertible {}
extension MessageState: DatabaseValueConvertible {}
extension MessageSource: DatabaseValueConvertible {}
extension ConsentStatus: DatabaseValueConvertible {}
extension ResponseKind: DatabaseValueConvertible {}

extension OutboxMessage {
    package init(row: Row) {
        self.init(
            id: row["id"], customerID: row["customer_id"], campaign: row["campaign_id"], source: row["source"],
            sourceKey: row["source_key"],
            channel: row["channel"], category: row["category"], recipient: row["recipient"],
            recipientName: row["recipient_name"],
            subject: row["subject"], body: row["body"], state: row["state"], reason: row["reason"],
            attempts: row["attempts"],
            queuedAt: row["queued_at"], sentAt: row["sent_at"])
    }
}
