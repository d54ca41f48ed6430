"""Alembic migrations for the local encrypted database (shipped inside the package)."""
