"""The encrypted local store: SQLCipher database, keys, audit log, outbox, backups."""
