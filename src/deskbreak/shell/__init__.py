"""Adapters around the core: files, the database, the OS. Nothing here draws a window."""
