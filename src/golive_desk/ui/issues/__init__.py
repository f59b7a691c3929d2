"""The issue screens of the window: register, form and their parts."""
