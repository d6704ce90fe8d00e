"""The panels of the main window; each updates itself from a training snapshot."""
