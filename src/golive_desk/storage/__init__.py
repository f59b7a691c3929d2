"""Storage: the SQLite store, op log, projections, migrations, search and blobs."""
