"""Printed documents (reportlab): read models in, PDF bytes out; no store, no Qt."""
