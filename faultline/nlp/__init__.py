"""Faultline's nlp stage."""
