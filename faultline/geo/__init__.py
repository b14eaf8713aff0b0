"""Faultline's geo stage."""
