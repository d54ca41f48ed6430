"""Sync between a device's encrypted store and the central store (DESIGN.md §5)."""
