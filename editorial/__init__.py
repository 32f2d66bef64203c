"""Editorial organisation: who may do what, and how content moves from draft to public.

This app has its own room because its concerns cut across every content app: partner groups and
their page/collection rights (network, events, news, fellows, press pages alike), the moderation
workflow on the whole site, the permission checks wrapped around wagtail-localize's translate and
sync views, and the admin dashboard panels that show what waits for moderation or translation.
None of that belongs to any single page type.
"""
