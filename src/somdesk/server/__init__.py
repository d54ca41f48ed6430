"""The central store: accounts, devices, tokens, scope, push and pull, the force policy and the audit it
receives, over its own database (PostgreSQL; SQLite for the demo). Never Qt, never a device's store."""
