"""Faultline's extract stage."""
