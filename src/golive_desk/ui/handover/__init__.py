"""The handover (交接) in the window: the Handover page and its wizard."""
