"""Faultline's store stage."""
