from citypeers.library.views.search import library_search

__all__ = ["library_search"]
