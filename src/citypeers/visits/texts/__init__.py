"""What the visits app renders from data for people: calendars and breakout groups as files."""
