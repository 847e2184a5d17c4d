"""The `emotecare` command-line tool."""
