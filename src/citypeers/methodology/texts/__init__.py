"""What is rendered from the methodology for people: the guide as a PDF, a plan as files."""
