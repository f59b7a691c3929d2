"""The Qt window: pages, models, dialogs. Talks only to services."""
