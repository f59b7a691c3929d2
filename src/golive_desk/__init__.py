"""GoLive Desk: the go-live support desk for ERP implementation consultants."""

# Written here, not read with importlib.metadata: that import alone costs ~15 ms of
# the window's start-up, and a frozen build carries no metadata.
# tests/unit/test_version.py checks it against pyproject.toml.
__version__ = "0.1.0"
