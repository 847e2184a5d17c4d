"""The HTTP edge: Chalice blueprints that parse, authorise and call domain code."""
