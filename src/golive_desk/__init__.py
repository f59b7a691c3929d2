"""GoLive Desk: the go-live support desk for ERP implementation consultants."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("golive-desk")
except PackageNotFoundError:  # frozen builds carry no metadata unless bundled
    __version__ = "0.1.0"
