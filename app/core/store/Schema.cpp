#include "store/Schema.h"

namespace clinicdesk::schema {

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {
        {1,
         QStringLiteral("store metadata, staff accounts, patients"),
         {
             QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE users ("
                            " id TEXT PRIMARY KEY,"
                            " username TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL CHECK (role IN ('staff', 'admin')),"
                            " password_hash TEXT NOT NULL,"
                            " disabled INTEGER NOT NULL DEFAULT 0,"
                            " failed_attempts INTEGER NOT NULL DEFAULT 0,"
                            " locked_until TEXT,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE patients ("
                 " id TEXT PRIMARY KEY,"
                 " first_name {BLOB}, last_name {BLOB}, dob {BLOB}, sex {BLOB},"
                 " phone {BLOB}, email {BLOB}, address {BLOB}, city {BLOB},"
                 " state {BLOB}, zip {BLOB},"
                 " phone_bidx {BLOB}, name_dob_bidx {BLOB},"
                 " created_by TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX patients_phone_bidx ON patients (phone_bidx)"),
             QStringLiteral("CREATE INDEX patients_name_dob_bidx ON patients (name_dob_bidx)"),
         }},
        {2,
         QStringLiteral("intake drafts"),
         {
             QStringLiteral("CREATE TABLE drafts ("
                            " id TEXT PRIMARY KEY,"
                            " patient_id TEXT REFERENCES patients (id),"
                            " visit_type TEXT,"
                            " questionnaire TEXT,"
                            " owner_user TEXT NOT NULL,"
                            " page INTEGER NOT NULL DEFAULT 0,"
                            " completion INTEGER NOT NULL DEFAULT 0,"
                            " payload {BLOB} NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX drafts_owner ON drafts (owner_user, updated_at)"),
         }},
        {3,
         QStringLiteral("hash-chained audit log"),
         {
             // Append-only: every row's hash is an HMAC over the previous hash and the row, with
             // a key kept sealed in audit_keys (so rotation re-seals it but it never changes).
             QStringLiteral("CREATE TABLE audit_log ("
                            " seq {INT64} PRIMARY KEY,"
                            " at TEXT NOT NULL,"
                            " user_name TEXT NOT NULL,"
                            " workstation TEXT NOT NULL,"
                            " action TEXT NOT NULL,"
                            " entity_type TEXT NOT NULL,"
                            " entity_id TEXT NOT NULL,"
                            " outcome TEXT NOT NULL,"
                            " detail TEXT NOT NULL,"
                            " prev_hash {BLOB} NOT NULL,"
                            " hash {BLOB} NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_log_at ON audit_log (at)"),
             QStringLiteral("CREATE INDEX audit_log_user ON audit_log (user_name, at)"),
             QStringLiteral(
                 "CREATE TABLE audit_keys (id TEXT PRIMARY KEY, chain_key {BLOB} NOT NULL)"),
         }},
        {4,
         QStringLiteral("queued visits"),
         {
             // master_id: made by the client before the first attempt, the provider's
             // idempotency key. form_obj and questionnaire_response are sealed PHI.
             QStringLiteral("CREATE TABLE visits ("
                            " id TEXT PRIMARY KEY,"
                            " master_id TEXT NOT NULL UNIQUE,"
                            " patient_id TEXT NOT NULL REFERENCES patients (id),"
                            " visit_type TEXT NOT NULL,"
                            " status TEXT NOT NULL,"
                            " form_obj {BLOB} NOT NULL,"
                            " questionnaire_response {BLOB},"
                            " created_by TEXT NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX visits_status ON visits (status, updated_at)"),
         }},
        {5,
         QStringLiteral("provider events: timeline, processed, pending, quarantined"),
         {
             // Prescription track (VisitStateMachine): None, Written, InFulfillment, Shipped,
             // Delivered.
             QStringLiteral("ALTER TABLE visits ADD COLUMN rx_status TEXT NOT NULL DEFAULT 'None'"),
             // One row per inbox event the relay has handled, written in the same transaction
             // as its effect: the relay's exactly-once record. id = "<provider>:<webhook id>".
             QStringLiteral("CREATE TABLE processed_events ("
                            " id TEXT PRIMARY KEY,"
                            " inbox_cursor {INT64} NOT NULL,"
                            " outcome TEXT NOT NULL,"
                            " processed_at TEXT NOT NULL)"),
             // The visit's timeline: every event, whether or not it moved the status.
             QStringLiteral("CREATE TABLE visit_events ("
                            " id TEXT PRIMARY KEY,"
                            " visit_id TEXT NOT NULL REFERENCES visits (id),"
                            " inbox_cursor {INT64} NOT NULL,"
                            " event_type TEXT NOT NULL,"
                            " received_at TEXT NOT NULL,"
                            " applied_at TEXT NOT NULL,"
                            " status_after TEXT NOT NULL,"
                            " rx_status_after TEXT NOT NULL,"
                            " payload {BLOB} NOT NULL)"),
             QStringLiteral("CREATE INDEX visit_events_visit ON visit_events (visit_id, "
                            "inbox_cursor)"),
             // Events for a masterId the store does not know yet, applied when it appears.
             QStringLiteral("CREATE TABLE pending_events ("
                            " id TEXT PRIMARY KEY,"
                            " master_id TEXT NOT NULL,"
                            " inbox_cursor {INT64} NOT NULL,"
                            " event_type TEXT NOT NULL,"
                            " received_at TEXT NOT NULL,"
                            " payload {BLOB} NOT NULL)"),
             QStringLiteral("CREATE INDEX pending_events_master ON pending_events (master_id)"),
             // Malformed events, kept with the reason (which names fields, never values).
             QStringLiteral("CREATE TABLE quarantined_events ("
                            " id TEXT PRIMARY KEY,"
                            " inbox_cursor {INT64} NOT NULL,"
                            " reason TEXT NOT NULL,"
                            " quarantined_at TEXT NOT NULL,"
                            " payload {BLOB} NOT NULL)"),
         }},
        {6,
         QStringLiteral("provider outbox"),
         {
             // What the console still owes the provider: a queued visit's createNoPay (its body
             // stays in visits.form_obj), staff replies (receiveChat) and support messages
             // (receiveCSMessage, body sealed in payload). state: pending, sent, rejected.
             QStringLiteral("CREATE TABLE outbox ("
                            " id TEXT PRIMARY KEY,"
                            " kind TEXT NOT NULL CHECK (kind IN ('visit', 'chat', 'support')),"
                            " visit_id TEXT NOT NULL REFERENCES visits (id),"
                            " master_id TEXT NOT NULL,"
                            " payload {BLOB},"
                            " state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected')),"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " next_attempt_at TEXT NOT NULL,"
                            " last_error TEXT,"
                            " last_http_status INTEGER,"
                            " rejected_reason TEXT,"
                            " created_by TEXT NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " sent_at TEXT)"),
             // One createNoPay entry per visit, ever.
             QStringLiteral("CREATE UNIQUE INDEX outbox_one_visit ON outbox (visit_id) "
                            "WHERE kind = 'visit'"),
             QStringLiteral("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN provider_visit_id TEXT"),
             // The provider's reason for a refusal, shown to staff (sealed since migration 10:
             // providers echo values in it).
             QStringLiteral("ALTER TABLE visits ADD COLUMN rejected_reason TEXT"),
             // Last status fetch (externalFetch), for reconciliation of silent visits.
             QStringLiteral("ALTER TABLE visits ADD COLUMN provider_checked_at TEXT"),
         }},
        {7,
         QStringLiteral("visit board: who has seen what, visits waiting for the patient"),
         {
             // When each user last opened a visit's detail: a visit that needs attention and
             // changed since is unread for that user.
             QStringLiteral("CREATE TABLE visit_seen ("
                            " user_name TEXT NOT NULL,"
                            " visit_id TEXT NOT NULL REFERENCES visits (id),"
                            " seen_at TEXT NOT NULL,"
                            " PRIMARY KEY (user_name, visit_id))"),
             // Staff asked the patient for what the clinician wants (NeedsInfo waits on them).
             QStringLiteral("ALTER TABLE visits ADD COLUMN waiting_for_patient_since TEXT"),
             QStringLiteral("CREATE INDEX visits_patient ON visits (patient_id)"),
             // Everything the board lists, so that reading 100,000 visits scans this index and
             // never the table with its sealed form bodies (kilobytes per row).
             QStringLiteral("CREATE INDEX visits_board ON visits (id, patient_id, visit_type,"
                            " status, rx_status, created_by, created_at, updated_at,"
                            " waiting_for_patient_since)"),
         }},
        {8,
         QStringLiteral("photos and scans attached to intake drafts"),
         {
             // One processed image (media/ImagePipeline: upright, <= 1000 px wide, JPEG with no
             // metadata) per row, sealed PHI in `image`. slot: the questionnaire item it answers
             // (an attachment item's linkId). Removing the draft removes its images.
             QStringLiteral("CREATE TABLE draft_attachments ("
                            " id TEXT PRIMARY KEY,"
                            " draft_id TEXT NOT NULL REFERENCES drafts (id) ON DELETE CASCADE,"
                            " slot TEXT NOT NULL,"
                            " width INTEGER NOT NULL,"
                            " height INTEGER NOT NULL,"
                            " image {BLOB} NOT NULL,"
                            " created_by TEXT NOT NULL,"
                            " created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX draft_attachments_draft ON draft_attachments "
                            "(draft_id, created_at)"),
         }},
        {9,
         QStringLiteral("ongoing care: when a visit was resolved and prescribed, the Due read"),
         {
             // When the console learned the visit was resolved (first Prescribed) and when its
             // latest prescription was written; the length of that prescription in months (1
             // or 3, from the requested days' supply) and the months prescribed so far. Plain:
             // scheduling facts the Due list reads for 100,000 visits without opening a body.
             QStringLiteral("ALTER TABLE visits ADD COLUMN resolved_at TEXT"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN rx_written_at TEXT"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN rx_months INTEGER NOT NULL DEFAULT 1"),
             QStringLiteral(
                 "ALTER TABLE visits ADD COLUMN rx_months_total INTEGER NOT NULL DEFAULT 0"),
             // Visits stored before: their last change is the best moment known.
             QStringLiteral("UPDATE visits SET resolved_at = updated_at WHERE status = "
                            "'Prescribed'"),
             QStringLiteral("UPDATE visits SET rx_written_at = updated_at, rx_months_total = "
                            "rx_months WHERE rx_status <> 'None'"),
             // Everything the Due list reads, for the programme visit types only.
             QStringLiteral("CREATE INDEX visits_care ON visits (visit_type, patient_id, id,"
                            " status, created_at, resolved_at, rx_written_at, rx_months,"
                            " rx_months_total)"),
         }},
        {10,
         QStringLiteral("provider refusal and error text sealed"),
         {
             // Providers echo patient values in their refusals and errors, so outbox.last_error,
             // outbox.rejected_reason and visits.rejected_reason are sealed from now on. Pure SQL
             // cannot seal: text stored before moves to refusal_text_unsealed, which the store
             // seals into the new columns (and empties) as soon as it has its key, in the same
             // open (LocalStore::sealStagedText). It stays empty afterwards.
             QStringLiteral("CREATE TABLE refusal_text_unsealed ("
                            " table_name TEXT NOT NULL,"
                            " row_id TEXT NOT NULL,"
                            " column_name TEXT NOT NULL,"
                            " plain_text TEXT NOT NULL,"
                            " PRIMARY KEY (table_name, row_id, column_name))"),
             QStringLiteral("INSERT INTO refusal_text_unsealed (table_name, row_id, column_name,"
                            " plain_text) SELECT 'outbox', id, 'last_error', last_error"
                            " FROM outbox WHERE last_error IS NOT NULL"),
             QStringLiteral("INSERT INTO refusal_text_unsealed (table_name, row_id, column_name,"
                            " plain_text) SELECT 'outbox', id, 'rejected_reason', rejected_reason"
                            " FROM outbox WHERE rejected_reason IS NOT NULL"),
             QStringLiteral("INSERT INTO refusal_text_unsealed (table_name, row_id, column_name,"
                            " plain_text) SELECT 'visits', id, 'rejected_reason', rejected_reason"
                            " FROM visits WHERE rejected_reason IS NOT NULL"),
             // Cleared before the columns go: SQLite (secure_delete) overwrites the text, and
             // PostgreSQL's DROP COLUMN alone would leave it in every live row version.
             QStringLiteral("UPDATE outbox SET last_error = NULL, rejected_reason = NULL"
                            " WHERE last_error IS NOT NULL OR rejected_reason IS NOT NULL"),
             QStringLiteral("UPDATE visits SET rejected_reason = NULL"
                            " WHERE rejected_reason IS NOT NULL"),
             QStringLiteral("ALTER TABLE outbox DROP COLUMN last_error"),
             QStringLiteral("ALTER TABLE outbox DROP COLUMN rejected_reason"),
             QStringLiteral("ALTER TABLE visits DROP COLUMN rejected_reason"),
             QStringLiteral("ALTER TABLE outbox ADD COLUMN last_error {BLOB}"),
             QStringLiteral("ALTER TABLE outbox ADD COLUMN rejected_reason {BLOB}"),
             QStringLiteral("ALTER TABLE visits ADD COLUMN rejected_reason {BLOB}"),
         }},
        {11,
         QStringLiteral("several workstations: leases, draft versions, changes announced"),
         {
             // Who has a draft or a visit open for editing, until when (store/Leases): renewed
             // while it is open, so a workstation that dies lets go when expires_ms (the
             // database's clock, one clock for every PC) passes.
             // resource: "draft:<id>" or "visit:<id>". Names of staff and PCs only, no PHI.
             QStringLiteral("CREATE TABLE leases ("
                            " resource TEXT PRIMARY KEY,"
                            " token TEXT NOT NULL,"
                            " owner_user TEXT NOT NULL,"
                            " owner_name TEXT NOT NULL,"
                            " workstation TEXT NOT NULL,"
                            " acquired_at TEXT NOT NULL,"
                            " expires_ms {INT64} NOT NULL)"),
             // Every save adds one; a save that read an older version is a conflict, never an
             // overwrite (DraftRepository::save).
             QStringLiteral("ALTER TABLE drafts ADD COLUMN version {INT64} NOT NULL DEFAULT 1"),
         },
         {
             // Every committed change to a visit, its timeline, its messages or a draft is
             // announced to the workstations that LISTEN (store/ChangeFeed), in the same
             // transaction as the change (NOTIFY is delivered at COMMIT, never for a rollback).
             // Channel: one per store (schema); payload: "visit <id>" or "draft <id>", ids only.
             QStringLiteral(
                 "CREATE FUNCTION clinicdesk_announce_change() RETURNS trigger LANGUAGE plpgsql"
                 " AS $body$"
                 " DECLARE channel text := 'clinicdesk_' || left(md5(TG_TABLE_SCHEMA), 16);"
                 " BEGIN"
                 " IF TG_TABLE_NAME = 'drafts' THEN"
                 "   IF TG_OP = 'DELETE' THEN PERFORM pg_notify(channel, 'draft ' || OLD.id);"
                 "   ELSE PERFORM pg_notify(channel, 'draft ' || NEW.id); END IF;"
                 " ELSIF TG_TABLE_NAME = 'visits' THEN"
                 "   PERFORM pg_notify(channel, 'visit ' || NEW.id);"
                 " ELSE"
                 "   PERFORM pg_notify(channel, 'visit ' || NEW.visit_id);"
                 " END IF;"
                 " RETURN NULL;"
                 " END $body$"),
             QStringLiteral("CREATE TRIGGER visits_announce AFTER INSERT OR UPDATE ON visits"
                            " FOR EACH ROW EXECUTE FUNCTION clinicdesk_announce_change()"),
             QStringLiteral("CREATE TRIGGER visit_events_announce AFTER INSERT ON visit_events"
                            " FOR EACH ROW EXECUTE FUNCTION clinicdesk_announce_change()"),
             QStringLiteral("CREATE TRIGGER outbox_announce AFTER INSERT OR UPDATE ON outbox"
                            " FOR EACH ROW EXECUTE FUNCTION clinicdesk_announce_change()"),
             QStringLiteral(
                 "CREATE TRIGGER drafts_announce AFTER INSERT OR UPDATE OR DELETE ON drafts"
                 " FOR EACH ROW EXECUTE FUNCTION clinicdesk_announce_change()"),
         }},
        {12,
         QStringLiteral("patient notifications: consent, templates, the notification outbox"),
         {
             // Per channel consent (when, and which staff member recorded it; NULL: none or
             // withdrawn) and the language messages are written in (en, es). Not PHI values.
             QStringLiteral("ALTER TABLE patients ADD COLUMN email_consent_at TEXT"),
             QStringLiteral("ALTER TABLE patients ADD COLUMN email_consent_by TEXT"),
             QStringLiteral("ALTER TABLE patients ADD COLUMN sms_consent_at TEXT"),
             QStringLiteral("ALTER TABLE patients ADD COLUMN sms_consent_by TEXT"),
             QStringLiteral("ALTER TABLE patients ADD COLUMN language TEXT NOT NULL DEFAULT 'en'"),
             // One row per message owed to a patient, written by the relay in the same
             // transaction as the event that causes it: UNIQUE (event_id, template, channel)
             // makes a redelivered event or a second relay insert nothing. params holds the
             // event's safe placeholder values (carrier, tracking), sealed like last_error.
             QStringLiteral("CREATE TABLE notifications ("
                            " id TEXT PRIMARY KEY,"
                            " visit_id TEXT NOT NULL,"
                            " patient_id TEXT NOT NULL,"
                            " event_id TEXT NOT NULL,"
                            " template TEXT NOT NULL,"
                            " channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),"
                            " state TEXT NOT NULL"
                            " CHECK (state IN ('queued', 'sent', 'failed', 'held', 'blocked')),"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " next_attempt_at TEXT NOT NULL,"
                            " lease_owner TEXT,"
                            " lease_expires_at TEXT,"
                            " params {BLOB},"
                            " last_error {BLOB},"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " sent_at TEXT,"
                            " UNIQUE (event_id, template, channel))"),
             QStringLiteral(
                 "CREATE INDEX notifications_due ON notifications (state, next_attempt_at)"),
             QStringLiteral("CREATE INDEX notifications_visit ON notifications (visit_id)"),
             // Admin-edited wording per template and language (the built-in text otherwise).
             QStringLiteral("CREATE TABLE notification_templates ("
                            " template TEXT NOT NULL,"
                            " language TEXT NOT NULL,"
                            " subject TEXT NOT NULL,"
                            " body TEXT NOT NULL,"
                            " updated_by TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " PRIMARY KEY (template, language))"),
         }},
        {13,
         QStringLiteral("patient notifications announced to the other workstations"),
         {},
         {
             // A message's state on the visit's timeline (queued, sent, failed, held, blocked)
             // changes on another PC when the relay's sender works: announced like the visit's
             // other changes (migration 11's function: "visit <visit_id>"). A claim or a lease
             // renewal changes none of these columns and says nothing.
             QStringLiteral("CREATE TRIGGER notifications_announce_insert AFTER INSERT ON "
                            "notifications FOR EACH ROW EXECUTE FUNCTION "
                            "clinicdesk_announce_change()"),
             QStringLiteral(
                 "CREATE TRIGGER notifications_announce_update AFTER UPDATE ON notifications"
                 " FOR EACH ROW WHEN ((OLD.state, OLD.attempts, OLD.next_attempt_at)"
                 " IS DISTINCT FROM (NEW.state, NEW.attempts, NEW.next_attempt_at))"
                 " EXECUTE FUNCTION clinicdesk_announce_change()"),
         }},
        {14,
         QStringLiteral("lab orders and their sealed requisition PDF"),
         {
             // One row per provider lab order of a visit (id: visit id + ':' + order id), moved
             // by the relay in the transaction of each LAB_ORDER_* event. The steps themselves
             // (carrier, tracking, booking link) are the visit's sealed timeline payloads; the
             // requisition PDF lives only here, sealed, never in the timeline.
             QStringLiteral("CREATE TABLE lab_orders ("
                            " id TEXT PRIMARY KEY,"
                            " visit_id TEXT NOT NULL,"
                            " order_id TEXT NOT NULL,"
                            " last_event TEXT NOT NULL,"
                            " last_cursor {INT64} NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " requisition {BLOB},"
                            " requisition_event TEXT,"
                            " requisition_at TEXT,"
                            " UNIQUE (visit_id, order_id))"),
         }},
        {15,
         QStringLiteral("care requests through the outbox: titration, change, name correction"),
         {
             // The kind's CHECK cannot be altered in place (SQLite): the table is copied into one
             // that also takes care requests ('titration', 'update', 'name'), its indexes made
             // again after the rename. Same columns and values; on PostgreSQL the dropped
             // table's trigger is made again below.
             QStringLiteral("CREATE TABLE outbox_new ("
                            " id TEXT PRIMARY KEY,"
                            " kind TEXT NOT NULL CHECK (kind IN ('visit', 'chat', 'support',"
                            " 'titration', 'update', 'name')),"
                            " visit_id TEXT NOT NULL REFERENCES visits (id),"
                            " master_id TEXT NOT NULL,"
                            " payload {BLOB},"
                            " state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'rejected')),"
                            " attempts INTEGER NOT NULL DEFAULT 0,"
                            " next_attempt_at TEXT NOT NULL,"
                            " last_error {BLOB},"
                            " last_http_status INTEGER,"
                            " rejected_reason {BLOB},"
                            " created_by TEXT NOT NULL,"
                            " created_at TEXT NOT NULL,"
                            " updated_at TEXT NOT NULL,"
                            " sent_at TEXT)"),
             QStringLiteral("INSERT INTO outbox_new (id, kind, visit_id, master_id, payload, state,"
                            " attempts, next_attempt_at, last_error, last_http_status,"
                            " rejected_reason, created_by, created_at, updated_at, sent_at)"
                            " SELECT id, kind, visit_id, master_id, payload, state, attempts,"
                            " next_attempt_at, last_error, last_http_status, rejected_reason,"
                            " created_by, created_at, updated_at, sent_at FROM outbox"),
             QStringLiteral("DROP TABLE outbox"),
             QStringLiteral("ALTER TABLE outbox_new RENAME TO outbox"),
             QStringLiteral("CREATE UNIQUE INDEX outbox_one_visit ON outbox (visit_id) "
                            "WHERE kind = 'visit'"),
             QStringLiteral("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"),
         },
         {
             QStringLiteral("CREATE TRIGGER outbox_announce AFTER INSERT OR UPDATE ON outbox"
                            " FOR EACH ROW EXECUTE FUNCTION clinicdesk_announce_change()"),
         }},
        {16,
         QStringLiteral("workstations and their one-time invitations"),
         {
             // The PCs that open a clinic store (store/Workstations): a revoked one is refused.
             QStringLiteral("CREATE TABLE workstations ("
                            " name TEXT PRIMARY KEY,"
                            " joined_ms {INT64} NOT NULL,"
                            " joined_by TEXT NOT NULL,"
                            " revoked_ms {INT64},"
                            " revoked_by TEXT)"),
             // The data key ring sealed under a key derived from a one-time code the server
             // never sees (kdf names how); deleted when used, expired or after 5 wrong codes.
             QStringLiteral("CREATE TABLE workstation_invites ("
                            " id TEXT PRIMARY KEY,"
                            " store_id TEXT NOT NULL,"
                            " kdf TEXT NOT NULL,"
                            " salt {BLOB} NOT NULL,"
                            " wrapped {BLOB} NOT NULL,"
                            " created_by TEXT NOT NULL,"
                            " created_ms {INT64} NOT NULL,"
                            " expires_ms {INT64} NOT NULL,"
                            " wrong_codes INTEGER NOT NULL DEFAULT 0)"),
         }},
    };
    return all;
}

const QList<SealedTable> &sealedTables()
{
    static const QList<SealedTable> all = {
        {QStringLiteral("patients"),
         {QStringLiteral("first_name"), QStringLiteral("last_name"), QStringLiteral("dob"),
          QStringLiteral("sex"), QStringLiteral("phone"), QStringLiteral("email"),
          QStringLiteral("address"), QStringLiteral("city"), QStringLiteral("state"),
          QStringLiteral("zip")}},
        {QStringLiteral("drafts"), {QStringLiteral("payload")}},
        {QStringLiteral("audit_keys"), {QStringLiteral("chain_key")}},
        {QStringLiteral("visits"),
         {QStringLiteral("form_obj"), QStringLiteral("questionnaire_response"),
          QStringLiteral("rejected_reason")}},
        {QStringLiteral("visit_events"), {QStringLiteral("payload")}},
        {QStringLiteral("pending_events"), {QStringLiteral("payload")}},
        {QStringLiteral("quarantined_events"), {QStringLiteral("payload")}},
        {QStringLiteral("outbox"),
         {QStringLiteral("payload"), QStringLiteral("last_error"),
          QStringLiteral("rejected_reason")}},
        {QStringLiteral("draft_attachments"), {QStringLiteral("image")}},
        {QStringLiteral("notifications"), {QStringLiteral("params"), QStringLiteral("last_error")}},
        {QStringLiteral("lab_orders"), {QStringLiteral("requisition")}},
    };
    return all;
}

} // namespace clinicdesk::schema
