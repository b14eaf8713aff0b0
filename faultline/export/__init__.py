"""Faultline's export stage."""
