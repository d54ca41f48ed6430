"""Sync's client (DESIGN.md §5): HTTPS calls to the central store in the contract's messages, one pass of
push then pull, the background loop, and connecting or wiping a device. Its database work goes through
the store's LocalSync."""
