"""Site search in German and English."""
