"""Faultline: conflict news in, evidence-backed, geocoded ACLED-style event records out."""

__version__ = "0.1.0"
