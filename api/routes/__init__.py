"""One blueprint per area; `app.py` registers them all."""
