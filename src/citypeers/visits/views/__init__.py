"""The visits app's pages: the public visit page, "My visits", the team's workspace, and making
or giving a plan."""
