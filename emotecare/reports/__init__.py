"""Weekly reports: per-patient compilation of a week's emotion records and wellbeing data."""
