"""The encrypted local store, the only package that speaks SQL on the device: SQLCipher engine and keys,
the synced tables made from their declarations, readers, units of work, audit log, outbox, the sync
replica writer, settings, backups and migrations."""
