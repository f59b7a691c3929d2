"""The Overview page: the project's hypercare dashboard and its people."""
