"""What the visits app renders from data for people: breakout groups as files."""
