"""Faultline's ingest stage."""
