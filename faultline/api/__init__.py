"""Faultline's api stage."""
