"""Use cases. Plain values in, read models and ``Changes`` out. No Qt."""
