"""Codebook values from raw incidents: dates, places (gazetteer), actors (actor base), types, tolls."""
