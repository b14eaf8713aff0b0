"""Faultline's dedup stage."""
