"""The central store's own tables (SQLAlchemy Core). migrations/server creates exactly these."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Index, Integer, MetaData, String, Table

__all__ = ["devices", "login_failures", "metadata", "tokens", "users"]

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(100), nullable=False),
    Column("role", String(20), nullable=False),  # som, supervisor, panel_chair, admin
    Column("officer_id", String(36)),  # the officer record a SOM manages cases as
    Column("password_hash", String(200), nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("id", String(36), primary_key=True),  # the client's device id (UUID)
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("name", String(100), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),  # set: wipe the device's cache at its next contact
)

# Opaque random tokens; only their SHA-256 is stored, so a copy of the database grants nothing.
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("kind", String(10), nullable=False),  # access or refresh
    Column("user_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("device_id", String(36), ForeignKey("devices.id"), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("ix_login_failures_username_at", login_failures.c.username, login_failures.c.at)
