import CustomerStorage
import GRDB
import StorageKernel

/// CRM and messaging (M-1 to M-5): consent per channel with its history, segments, campaigns, the outbox,
/// delivery checkpoints (exactly-once files), campaign responses, service revenue, and the signing secret.
package enum MessagingSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-01 messaging: consent, segments, campaigns, outbox, responses, revenue") {
            db in
            try db.execute(
                sql: """
                    CREATE TABLE consent (
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        channel TEXT NOT NULL,
                        status TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        source TEXT NOT NULL,
                        PRIMARY KEY (customer_id, channel)
                    ) WITHOUT ROWID;
                    CREATE TABLE consent_event (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        channel TEXT NOT NULL,
                        status TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        source TEXT NOT NULL,
                        actor TEXT NOT NULL
                    );
                    CREATE INDEX consent_event_customer ON consent_event(customer_id);
                    CREATE TABLE segment (
                        name TEXT PRIMARY KEY,
                        filter TEXT NOT NULL,
                        description TEXT,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE campaign (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        segment TEXT NOT NULL REFERENCES segment(name),
                        channel TEXT NOT NULL,
                        category TEXT NOT NULL,
                        subject TEXT,
                        template TEXT NOT NULL,
                        response_window_days INTEGER NOT NULL,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE outbox (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        campaign_id INTEGER REFERENCES campaign(id),
                        source TEXT NOT NULL,
                        source_key TEXT NOT NULL UNIQUE,
                        channel TEXT NOT NULL,
                        category TEXT NOT NULL,
                        recipient TEXT,
                        recipient_name TEXT NOT NULL,
                        subject TEXT,
                        body TEXT NOT NULL,
                        state TEXT NOT NULL,
                        reason TEXT,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        queued_at DATETIME NOT NULL,
                        sent_at DATETIME,
                        delivered_at DATETIME,
                        result TEXT
                    );
                    CREATE INDEX outbox_queue ON outbox(channel, id) WHERE state = 'queued';
                    CREATE INDEX outbox_customer ON outbox(customer_id, channel, category);
                    CREATE INDEX outbox_campaign ON outbox(campaign_id, state);
                    CREATE TABLE delivery_checkpoint (
                        output TEXT PRIMARY KEY,
                        position INTEGER NOT NULL,
                        ids TEXT NOT NULL,
                        at DATETIME NOT NULL
                    );
                    CREATE TABLE campaign_response (
                        id INTEGER PRIMARY KEY,
                        campaign_id INTEGER NOT NULL REFERENCES campaign(id),
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        kind TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        source TEXT NOT NULL,
                        UNIQUE (campaign_id, customer_id, kind)
                    );
                    CREATE TABLE customer_revenue (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        day TEXT NOT NULL,
                        amount_fen INTEGER NOT NULL,
                        source TEXT NOT NULL,
                        reference TEXT,
                        created_at DATETIME NOT NULL,
                        UNIQUE (customer_id, day, reference)
                    );
                    CREATE INDEX customer_revenue_customer ON customer_revenue(customer_id);
                    CREATE TABLE secret (
                        name TEXT PRIMARY KEY,
                        value BLOB NOT NULL
                    );
                    """)
        }
        // M-2: segments and campaigns are retired, not deleted: their history and reports stay.
        migrator.registerMigration("2026-12-05 messaging: retired segments and campaigns") { db in
            try db.execute(
                sql: """
                    ALTER TABLE segment ADD COLUMN retired_at DATETIME;
                    ALTER TABLE segment ADD COLUMN retired_reason TEXT;
                    ALTER TABLE campaign ADD COLUMN retired_at DATETIME;
                    ALTER TABLE campaign ADD COLUMN retired_reason TEXT;
                    """)
        }
    }
}
