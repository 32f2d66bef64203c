"""Site-wide building blocks that every content app imports.

Its own room because home, network, events and press all stand on it: the custom image and
document models (decided in the first migration, as swapping them later is painful), the base page
and its mixins, shared StreamField blocks, site settings for the footer, the health check and the
demo loader that calls each app's demo builder. Keeping them here means no content app imports
another one for fundamentals.
"""
