import rules

from citypeers.core.permissions import is_staff
from citypeers.news.permissions import coordinates_items_programme, writes_news_for

# Writing: staff (the network's news and any programme's), a programme's coordinators (that
# programme's). Without an object, `write_news` asks whether the person may write any.
rules.add_perm("news.write_news", writes_news_for | is_staff)
rules.add_perm("news.edit_news", coordinates_items_programme | is_staff)
