"""The REST API and the web map, thin over the store and the pipeline."""
