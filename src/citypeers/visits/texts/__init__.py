"""What the visits app renders from data for people: calendars (more to come)."""
