"""The home page of each language and the plain pages below it."""
