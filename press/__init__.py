"""The press room: press releases, press photos with credits, documents and press-kit downloads.

It is its own app rather than another page type in `home` because journalists rely on things no
other page has: downloads with stable names and credits, an embargo that also holds back the
media, and press kits (ZIP files) that are packaged, cached and streamed.
"""
