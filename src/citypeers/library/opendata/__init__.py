"""Open data: each public collection as CSV and JSON with its licence, and the DCAT-AP 3.0
catalogue that describes them (`/data/`); see docs/architecture.md."""
