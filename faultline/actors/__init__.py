"""Faultline's actors stage."""
