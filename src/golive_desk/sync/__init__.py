"""Sync bundles: format, writer, reader, verification and node keys."""
