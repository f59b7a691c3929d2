"""Alembic migrations of the store schema (batch mode for SQLite)."""
