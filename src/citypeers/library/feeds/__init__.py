"""The library's Atom feeds: new practices, published reports, open calls, and what a programme
or a theme publishes; `feed_links` names the feeds of the page being shown."""

from citypeers.library.feeds.calls import OpenCallsFeed
from citypeers.library.feeds.links import feed_links
from citypeers.library.feeds.practices import NewPracticesFeed, practice_feed_links
from citypeers.library.feeds.programmes import ProgrammeFeed, ThemeFeed
from citypeers.library.feeds.reports import ReportsFeed

__all__ = [
    "NewPracticesFeed",
    "OpenCallsFeed",
    "ProgrammeFeed",
    "ReportsFeed",
    "ThemeFeed",
    "feed_links",
    "practice_feed_links",
]
