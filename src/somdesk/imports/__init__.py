"""Caseload imports: CSV or Excel read as text cells, every row checked against the record's rules, a dry
run listing each problem by row and column, then all rows in one unit of work or none. No Qt, no SQL."""
