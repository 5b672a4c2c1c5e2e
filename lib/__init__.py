"""Plain helpers shared by the whole project; nothing here imports an app."""
