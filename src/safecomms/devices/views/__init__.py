"""Pages for the devices register, approved accounts and exceptions."""
