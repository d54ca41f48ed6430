"""The sync contract between a device and the central store: protocol number, limits and every message,
typed once (contract.sync). Below the store and the server alike; uses only the domain's record types."""
