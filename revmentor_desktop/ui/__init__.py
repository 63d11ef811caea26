"""Widgets, dialogs and item models; they read and write only through revmentor_desktop.data.ops."""
