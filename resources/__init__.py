"""Packaged resources (icon, desktop entry, AppStream metainfo), read with importlib.resources."""
