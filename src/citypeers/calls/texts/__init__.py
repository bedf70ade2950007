"""What the calls app renders from data for people: reasons and decision e-mails."""
