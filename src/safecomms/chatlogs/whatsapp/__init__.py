"""WhatsApp "Export chat" files (``.txt`` or the ``.zip`` with media)."""
