"""What the reports app renders from data for people: the diff between versions, the PDF."""
