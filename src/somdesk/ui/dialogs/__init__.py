"""The window's dialogs: record and plan a visit, ARMS, reallocate, reason for opening, disclosure,
import, connect to the central store, sync conflicts and refused changes."""
