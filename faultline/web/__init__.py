"""Faultline's web stage."""
