"""Reading visits: the public page, the team's workspace, "My visits", what a person's home page
(`/me/`) shows of their visits and tasks, and whom task reminders go to."""
