"""Faultline's export stage: events -> ACLED CSV, CSV, JSONL, JSON, GeoJSON, Parquet."""

from faultline.errors import ExportFormatError
from faultline.export.writers import BINARY_FORMATS, EXTRA_COLUMNS, FORMATS, write_events

__all__ = ["BINARY_FORMATS", "EXTRA_COLUMNS", "FORMATS", "ExportFormatError", "write_events"]
