"""Documents and exports: ReportLab PDFs under the force's marking, calendar files, CSV and the command
line's tables, each disclosure audited with the file it writes. No Qt, no SQL."""
